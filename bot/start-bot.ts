/**
 * Starts the WeChat bot beside the API (called by the composition root when
 * WECHATY_PUPPET is set). A puppet that fails to start is logged and leaves
 * the rest of the service running: the API must not go down with WeChat.
 */
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import type { Services } from '../services';
import { createDialogueService } from './dialogue';
import { createWechatyBot, WechatyBot } from './wechaty-adapter';

export async function startWechatyBot(
  services: Services,
  config: Config,
  logger: Logger,
): Promise<WechatyBot | undefined> {
  const bot = createWechatyBot({ config, logger, dialogue: createDialogueService(services, logger) });
  try {
    await bot.start();
  } catch (error) {
    logger.error(
      { err: { message: error instanceof Error ? error.message : String(error) }, puppet: config.WECHATY_PUPPET },
      'WeChat bot failed to start',
    );
    return undefined;
  }
  logger.info({ puppet: config.WECHATY_PUPPET }, 'WeChat bot started');
  return bot;
}
