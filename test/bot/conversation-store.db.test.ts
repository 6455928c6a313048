import { FounderService } from '../../services/founder-service';
import { ConversationStore, SessionConflictError } from '../../services/conversation-store';
import { describeTarget, openTestDatabase, TestDatabase } from '../support/test-database';

describe(`chat sessions on ${describeTarget()}`, () => {
  let db: TestDatabase;
  let store: ConversationStore;
  let founderId: string;

  beforeEach(async () => {
    db = await openTestDatabase();
    store = new ConversationStore(db.dataSource);
    founderId = (await new FounderService(db.dataSource).findOrCreate({ channel: 'terminal', user: 'alice' })).id;
  });
  afterEach(() => db.close());

  const session = (state: string) => ({ channelKey: 'terminal:alice', founderId, stateVersion: 1, state });

  it('stores a new session and reads it back at revision 1', async () => {
    await store.save(session('{"a":1}'), null);
    expect(await store.load('terminal:alice')).toEqual({ ...session('{"a":1}'), revision: 1 });
  });

  it('moves the revision on with each save from the revision that was read', async () => {
    await store.save(session('one'), null);
    await store.save(session('two'), 1);
    await store.save(session('three'), 2);
    expect(await store.load('terminal:alice')).toMatchObject({ state: 'three', revision: 3 });
  });

  it('refuses a save from a stale revision and keeps the newer state', async () => {
    await store.save(session('one'), null);
    await store.save(session('two'), 1);
    await expect(store.save(session('stale'), 1)).rejects.toBeInstanceOf(SessionConflictError);
    expect(await store.load('terminal:alice')).toMatchObject({ state: 'two', revision: 2 });
  });

  it('refuses to create a session twice', async () => {
    await store.save(session('one'), null);
    await expect(store.save(session('again'), null)).rejects.toBeInstanceOf(SessionConflictError);
  });

  it('says there is no session for an unknown chat, and forgets a removed one', async () => {
    expect(await store.load('terminal:nobody')).toBeNull();
    await store.save(session('one'), null);
    await store.remove('terminal:alice');
    expect(await store.load('terminal:alice')).toBeNull();
  });
});
