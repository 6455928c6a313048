/**
 * The real dialogue stack for tests: a migrated test database, the shipped
 * content loaded into it, the shared services and the dialogue service, plus
 * a way to answer "whatever the bot is asking now" from a profile.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { createDialogueService, DialogueService } from '../../../bot/dialogue';
import { formatValue } from '../../../rules/format-value';
import { restoreState } from '../../../bot/dialogue/state';
import { silentLogger } from '../../../logging/logger';
import type { FactValue } from '../../../rules/catalogue';
import type { Services } from '../../../services';
import { fixedClock } from '../../../services/clock';
import { PERSONAS_DIR } from '../../../scripts/support/personas';
import { CONTENT_DIR, loadedServices } from '../../support/loaded-services';
import { openTestDatabase, TestDatabase } from '../../support/test-database';

export { CONTENT_DIR };
export { PERSONAS_DIR };

/** A persona's answers (test/fixtures/personas/<name>.yaml). */
export function personaAnswers(name: string): Record<string, FactValue> {
  const persona = YAML.parse(fs.readFileSync(path.join(PERSONAS_DIR, `${name}.yaml`), 'utf8')) as {
    answers: Record<string, FactValue>;
  };
  return persona.answers;
}

export interface ChatWorld {
  db: TestDatabase;
  services: Services;
  dialogue: DialogueService;
  close(): Promise<void>;
}

export async function openChatWorld(asOf = '2026-11-23'): Promise<ChatWorld> {
  const db = await openTestDatabase();
  const clock = fixedClock(new Date(`${asOf}T02:00:00Z`));
  const services = await loadedServices(db, clock);
  const dialogue = createDialogueService(services, silentLogger());
  return { db, services, dialogue, close: () => db.close() };
}

/** The fact the chat at `channelKey` is waiting for, or null when no question is open. */
export async function currentQuestion(world: ChatWorld, channelKey: string): Promise<string | null> {
  const stored = await world.services.conversations.load(channelKey);
  if (!stored) return null;
  const { state } = restoreState(stored.stateVersion, stored.state);
  return state.mode === 'assessing' ? (state.assessment?.current ?? null) : null;
}

/** How a founder would type this value: "是", "浦东新区", "3000 万元", "12%"; "不知道" when they do not know. */
export function replyFor(world: ChatWorld, fact: string, value: FactValue | undefined): string {
  if (value === undefined) return '不知道';
  return formatValue(world.services.catalogue.current().facts[fact], value);
}
