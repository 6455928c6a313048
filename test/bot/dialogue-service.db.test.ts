import { Writable } from 'node:stream';
import { DialogueService } from '../../bot/dialogue/dialogue-service';
import type { DialoguePorts } from '../../bot/dialogue/ports';
import { initialState, restoreState, STATE_VERSION } from '../../bot/dialogue/state';
import { text } from '../../bot/messages';
import { createLogger, silentLogger } from '../../logging/logger';
import { ConversationStore } from '../../services/conversation-store';
import { FounderService } from '../../services/founder-service';
import { miniCatalogue } from '../support/mini-catalogue';
import { describeTarget, openTestDatabase, TestDatabase } from '../support/test-database';

/** Ports for turns that need only the catalogue ("帮助", fallbacks); anything else fails loudly. */
function catalogueOnlyPorts(): DialoguePorts {
  const unused = () => {
    throw new Error('not used by this test');
  };
  return {
    catalogue: () => miniCatalogue(),
    today: () => '2026-11-23',
    check: unused,
    policiesForTopic: () => [],
    searchPolicies: () => [],
    rankIncubators: unused,
    answers: async () => ({}),
    assessments: {
      start: unused,
      get: unused,
      answer: unused,
      answerMany: unused,
      skip: unused,
      back: unused,
      revisit: unused,
    },
    forgetAnswers: unused,
    erase: unused,
    subscribe: unused,
    unsubscribe: unused,
    subscriptions: unused,
    askedApplications: unused,
    recordApplication: unused,
    applications: unused,
  };
}

const alice = { channelKey: 'terminal:alice', identity: { channel: 'terminal' as const, user: 'alice' } };

describe(`the dialogue service on ${describeTarget()}`, () => {
  let db: TestDatabase;
  let store: ConversationStore;
  let founders: FounderService;
  let dialogue: DialogueService;

  beforeEach(async () => {
    db = await openTestDatabase();
    store = new ConversationStore(db.dataSource);
    founders = new FounderService(db.dataSource);
    dialogue = new DialogueService({ store, founders, ports: catalogueOnlyPorts(), logger: silentLogger() });
  });
  afterEach(() => db.close());

  it('greets on first contact and keeps a session at the current state version', async () => {
    const replies = await dialogue.receive(alice, '你好');
    expect(replies[0]).toBe(text.welcome);
    const stored = await store.load('terminal:alice');
    expect(stored).toMatchObject({ stateVersion: STATE_VERSION, revision: 1 });
    expect(restoreState(stored!.stateVersion, stored!.state)).toEqual({ state: initialState(), reset: false });
  });

  it('restarts a session from an unknown state version with an apology instead of crashing', async () => {
    const founder = await founders.findOrCreate(alice.identity);
    await store.save(
      { ...alice, founderId: founder.id, stateVersion: STATE_VERSION + 7, state: '{"future":true}' },
      null,
    );
    const replies = await dialogue.receive(alice, '帮助');
    expect(replies[0]).toBe(text.stateReset);
    expect(replies[1]).toBe(text.menu);
    expect(await store.load('terminal:alice')).toMatchObject({ stateVersion: STATE_VERSION, revision: 2 });
  });

  it('restarts a session whose state is not JSON with an apology', async () => {
    const founder = await founders.findOrCreate(alice.identity);
    await store.save({ ...alice, founderId: founder.id, stateVersion: STATE_VERSION, state: '{broken' }, null);
    expect((await dialogue.receive(alice, '帮助'))[0]).toBe(text.stateReset);
  });

  it('retries on fresh state when another process saved the session in between', async () => {
    await dialogue.receive(alice, '帮助');
    let raced = false;
    const racingStore = Object.create(store) as ConversationStore;
    racingStore.save = async (session, expectedRevision) => {
      if (!raced) {
        raced = true;
        await store.save({ ...session, state: JSON.stringify(initialState()) }, expectedRevision);
      }
      return store.save(session, expectedRevision);
    };
    const racing = new DialogueService({
      store: racingStore,
      founders,
      ports: catalogueOnlyPorts(),
      logger: silentLogger(),
    });
    expect(await racing.receive(alice, '帮助')).toEqual([text.menu]);
    expect(await store.load('terminal:alice')).toMatchObject({ revision: 3 });
  });

  it('handles the messages of one chat one at a time, in order', async () => {
    const replies = await Promise.all(['帮助', '菜单', '帮助'].map((message) => dialogue.receive(alice, message)));
    expect(replies.map((r) => r.at(-1))).toEqual([text.menu, text.menu, text.menu]);
    expect(await store.load('terminal:alice')).toMatchObject({ revision: 3 });
  });

  it('answers with an apology, not a crash, when a service fails, and logs the error class and a turn id, never the message', async () => {
    let logs = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logs += chunk.toString();
        done();
      },
    });
    const failing = new DialogueService({
      store,
      founders,
      ports: {
        ...catalogueOnlyPorts(),
        searchPolicies: () => {
          throw new TypeError('lookup failed for 机密的公司名');
        },
      },
      logger: createLogger('info', sink),
    });
    await failing.receive(alice, '帮助');
    expect(await failing.receive(alice, '这是什么 机密的公司名')).toEqual([text.sorry]);
    const line = JSON.parse(logs.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(line).toMatchObject({
      msg: 'dialogue turn failed',
      channel: 'terminal',
      turn: expect.stringMatching(/^[0-9a-f-]{36}$/),
      err: expect.objectContaining({ type: 'TypeError' }),
    });
    expect(logs).not.toContain('机密的公司名');
    expect(logs).not.toContain('这是什么');
  });
});
