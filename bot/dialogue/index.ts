/** Builds the dialogue service every chat channel shares, from the shared services. */
import type { Logger } from '../../logging/logger';
import type { Services } from '../../services';
import { DialogueService } from './dialogue-service';
import { dialoguePorts } from './ports';

export function createDialogueService(services: Services, logger: Logger): DialogueService {
  return new DialogueService({
    store: services.conversations,
    founders: services.founders,
    ports: dialoguePorts(services),
    logger,
  });
}

export type { ChatAddress } from './dialogue-service';
export { DialogueService } from './dialogue-service';
