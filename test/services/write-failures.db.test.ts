/**
 * Only a unique-key refusal means "someone else wrote it first". Any other failed
 * write (here: the founder is gone, a foreign key) must surface as itself, not be
 * answered as a duplicate subscription, an existing application record or a
 * chat-session conflict.
 */
import { QueryFailedError } from 'typeorm';
import type { Services } from '../../services';
import { fixedClock } from '../../services/clock';
import { ConversationStore } from '../../services/conversation-store';
import { loadedServices } from '../support/loaded-services';
import { describeTarget, openTestDatabase, TestDatabase } from '../support/test-database';

const NO_SUCH_FOUNDER = '00000000-0000-4000-8000-000000000000';

describe(`writes that fail for another reason than a duplicate, on ${describeTarget()}`, () => {
  let db: TestDatabase;
  let services: Services;
  beforeAll(async () => {
    db = await openTestDatabase();
    services = await loadedServices(db, fixedClock(new Date('2026-11-23T02:00:00Z')));
  });
  afterAll(() => db.close());

  it('a subscription for a founder who is gone fails with the database error', async () => {
    await expect(
      services.subscriptions.save(NO_SUCH_FOUNDER, { scope: '*', channel: 'miniprogram' }),
    ).rejects.toBeInstanceOf(QueryFailedError);
  });

  it('a chat session for a founder who is gone fails with the database error, not as a conflict', async () => {
    const store = new ConversationStore(db.dataSource);
    const session = { channelKey: 'terminal:ghost', founderId: NO_SUCH_FOUNDER, stateVersion: 1, state: '{}' };
    await expect(store.save(session, null)).rejects.toBeInstanceOf(QueryFailedError);
  });
});
