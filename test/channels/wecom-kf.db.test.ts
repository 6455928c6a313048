/**
 * The WeCom customer-service channel (issue 19) against a fake WeCom: the URL
 * check, an event pulling messages and answering them, retries and repeated
 * msgids run once, the cursor surviving a restart, replies cut at 2,048
 * bytes, refused callbacks processing nothing, and a whole assessment
 * reaching the engine's verdicts.
 */
import { createApi } from '../../api/create-api';
import { restoreState } from '../../bot/dialogue/state';
import { WecomKfApi } from '../../channels/wecom-kf/kf-api';
import { KfSync } from '../../channels/wecom-kf/sync';
import { aesKeyFrom, encrypt } from '../../channels/wechat/message-crypto';
import { messageSignature } from '../../channels/wechat/signature';
import { buildXml } from '../../channels/wechat/xml';
import { Assessment, FounderIdentity, WecomKfCursor } from '../../entities';
import { silentLogger } from '../../logging/logger';
import { AccessTokenCache } from '../../reminders/wechat-access-token';
import { formatValue } from '../../rules/format-value';
import { fixedClock } from '../../services/clock';
import type { KfReadPosition } from '../../services/wecom-kf-cursor-store';
import supertest from 'supertest';
import { ApiWorld, openApiWorld } from '../api/support/api-world';
import { personaAnswers } from '../bot/support/chat-world';
import {
  customerText,
  echoQuery,
  envelope,
  FakeWecom,
  kfEvent,
  OPEN_KFID,
  startFakeWecom,
  WECOM_AES_KEY,
  WECOM_CORP_ID,
  WECOM_KF_SECRET,
  WECOM_TOKEN,
  wecomEnv,
} from './support/fake-wecom';

const PATH = '/wecom/kf';

async function waitFor(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('WeCom customer-service callback', () => {
  let wecom: FakeWecom;
  let world: ApiWorld;
  let http: () => ReturnType<typeof supertest>;
  beforeAll(async () => {
    wecom = await startFakeWecom();
    world = await openApiWorld(wecomEnv(wecom));
    http = () => world.http();
  });
  afterAll(async () => {
    await world.close();
    await wecom.close();
  });

  const post = (innerXml: string) => {
    const { body, query } = envelope(innerXml);
    return http().post(`${PATH}?${query}`).set('content-type', 'text/xml').send(body);
  };
  /**
   * Posts the event, then a second one: its pull runs after the first one's
   * (one pull at a time) and finds nothing, so once it has been served every
   * message before it is handled.
   */
  const event = async (syncToken: string) => {
    const polls = wecom.emptyPolls();
    const res = await post(kfEvent(syncToken));
    expect([res.status, res.text]).toEqual([200, 'success']);
    await post(kfEvent(`${syncToken}-probe`));
    await waitFor(() => wecom.emptyPolls() > polls, 'the pull to finish');
  };
  const sentTo = (user: string) => wecom.sent.filter((m) => m.touser === user).map((m) => m.content);
  const wecomFounders = () => world.db.dataSource.manager.countBy(FounderIdentity, { channel: 'wecom_kf' });

  it('answers the URL check with the decrypted echostr, and 401 to a wrong signature', async () => {
    const good = await http().get(`${PATH}?${echoQuery('echo-4711')}`);
    expect([good.status, good.text]).toEqual([200, 'echo-4711']);
    const forged = await http().get(`${PATH}?${echoQuery('echo-4711', 'not-our-token')}`);
    expect(forged.status).toBe(401);
    const unsigned = await http().get(`${PATH}?echostr=abc`);
    expect(unsigned.status).toBe(401);
  });

  it('answers an event with success, pulls the messages and replies through kf/send_msg', async () => {
    // The very first pull returns days of history nobody sent to us: it is not answered.
    const now = Math.floor(world.clock.now().getTime() / 1000);
    wecom.messages.push({ ...customerText('ext-stale', '开始测评'), send_time: now - 24 * 3600 });
    wecom.messages.push({ ...customerText('ext-alice', '开始测评'), send_time: now - 60 });
    await event('sync-token-1');
    expect(sentTo('ext-stale')).toEqual([]);
    expect(wecom.syncRequests[0]).toMatchObject({
      token: 'sync-token-1',
      limit: 1000,
      openKfId: OPEN_KFID,
      cursor: '',
      accessToken: 'kf-token-1',
    });
    expect(sentTo('ext-alice').join('\n')).toContain('第 1 题');
    expect(wecom.sent.every((m) => m.openKfId === OPEN_KFID)).toBe(true);
    const [identity] = await world.db.dataSource.manager.findBy(FounderIdentity, { externalId: 'ext-alice' });
    expect(identity?.channel).toBe('wecom_kf');
    // The customer-service window: from the customer's message, on this account, with the replies counted.
    expect(identity).toMatchObject({
      windowOpenedAt: new Date((now - 60) * 1000),
      windowVia: OPEN_KFID,
      windowSends: sentTo('ext-alice').length,
    });
    expect(await world.services.conversations.load(`wecom:${OPEN_KFID}:ext-alice`)).not.toBeNull();
  });

  it('runs a turn once when the event is retried and when a msgid comes again', async () => {
    wecom.pageSize = 1;
    try {
      const start = customerText('ext-bob', '开始测评', 'bob-1');
      wecom.messages.push(start, customerText('ext-bob', '帮助'), { ...start });
      const polls = wecom.emptyPolls();
      // WeCom's retry of the same event, while the first pull runs.
      const [first, retry] = await Promise.all([post(kfEvent('sync-token-2')), post(kfEvent('sync-token-2'))]);
      expect([first.text, retry.text]).toEqual(['success', 'success']);
      await waitFor(() => wecom.emptyPolls() > polls, 'the pulls to finish');
      // A later event finds nothing new either.
      await event('sync-token-3');
    } finally {
      wecom.pageSize = 1000;
    }
    const [identity] = await world.db.dataSource.manager.findBy(FounderIdentity, { externalId: 'ext-bob' });
    expect(await world.db.dataSource.manager.countBy(Assessment, { founderId: identity!.founderId })).toBe(1);
    const replies = sentTo('ext-bob');
    expect(replies.filter((r) => r.includes('第 1 题'))).toHaveLength(1);
    // The has_more pages were read one after another from their cursors.
    const cursors = wecom.syncRequests.map((r) => r.cursor);
    expect(new Set(cursors).size).toBeGreaterThanOrEqual(3);
  });

  it('continues from the stored cursor after a restart, repeating nothing', async () => {
    const stored = await world.db.dataSource.manager.findOneByOrFail(WecomKfCursor, { openKfId: OPEN_KFID });
    expect(stored).toMatchObject({ nextCursor: `c${wecom.messages.length}`, handledMsgId: null });
    const before = wecom.sent.length;
    const requests = wecom.syncRequests.length;
    // A second app on the same database: nothing of the first one's memory (tokens, msgids, pulls).
    const restarted = createApi({
      services: world.services,
      config: world.db.config,
      logger: silentLogger(),
      databaseHealth: async () => ({ up: true, schema: null }),
    });
    http = () => supertest(restarted.callback());
    try {
      wecom.messages.push(customerText('ext-carol', '帮助'));
      await event('sync-token-4');
    } finally {
      http = () => world.http();
    }
    expect(wecom.syncRequests[requests]!.cursor).toBe(stored.nextCursor);
    expect(wecom.sent.slice(before).map((m) => m.touser)).toEqual(expect.arrayContaining(['ext-carol']));
    expect(new Set(wecom.sent.slice(before).map((m) => m.touser))).toEqual(new Set(['ext-carol']));
  });

  it('resumes a page after the last message it handled', async () => {
    const cursor = `c${wecom.messages.length}`;
    const done = customerText('ext-dave', '开始测评', 'dave-done');
    wecom.messages.push(done, customerText('ext-dave', '帮助', 'dave-next'));
    // As a process that died after running dave-done's turn left it.
    await world.services.wecomKfCursors.save(OPEN_KFID, { cursor, handledMsgId: 'dave-done' });
    await event('sync-token-5');
    const replies = sentTo('ext-dave');
    expect(replies.join('\n')).not.toContain('第 1 题');
    expect(replies.length).toBeGreaterThan(0);
  });

  it('answers a picture with one request for text, and skips what servicers and the system send', async () => {
    wecom.messages.push(
      { msgid: 'img-1', open_kfid: OPEN_KFID, external_userid: 'ext-erin', origin: 3, msgtype: 'image' },
      { msgid: 'sys-1', open_kfid: OPEN_KFID, external_userid: 'ext-erin', origin: 4, msgtype: 'event' },
      { ...customerText('ext-erin', '开始测评', 'servicer-1'), origin: 5 },
    );
    await event('sync-token-6');
    expect(sentTo('ext-erin')).toEqual(['我暂时只能看懂文字消息，请用文字告诉我。回复“帮助”查看我能做什么。']);
  });

  it('refuses a bad signature (401), malformed XML and bad crypto (400), and pulls nothing', async () => {
    const founders = await wecomFounders();
    const requests = wecom.syncRequests.length;
    wecom.messages.push(customerText('ext-mallory', '开始测评'));
    const forged = envelope(kfEvent('sync-token-x'), 'not-our-token');
    expect(
      (await http().post(`${PATH}?${forged.query}`).set('content-type', 'text/xml').send(forged.body)).status,
    ).toBe(401);
    const { query } = envelope(kfEvent('sync-token-x'));
    expect((await http().post(`${PATH}?${query}`).set('content-type', 'text/xml').send('<xml><Encrypt>')).status).toBe(
      400,
    );
    const xxe = '<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><Encrypt>&x;</Encrypt></xml>';
    expect((await http().post(`${PATH}?${query}`).set('content-type', 'text/xml').send(xxe)).status).toBe(400);
    /** An envelope signed correctly around `encrypted`, whatever that is. */
    const signedEnvelope = (encrypted: string) => {
      const query = new URLSearchParams({
        msg_signature: messageSignature(WECOM_TOKEN, '1796400000', 'n', encrypted),
        timestamp: '1796400000',
        nonce: 'n',
      });
      return http()
        .post(`${PATH}?${query.toString()}`)
        .set('content-type', 'text/xml')
        .send(buildXml({ ToUserName: WECOM_CORP_ID, Encrypt: encrypted }));
    };
    // Signed correctly, but not ciphertext of our key.
    expect((await signedEnvelope(Buffer.alloc(64, 7).toString('base64'))).status).toBe(400);
    // For another corp: decrypts, but not addressed to us.
    const other = encrypt(kfEvent('sync-token-x'), 'ww-other-corp', aesKeyFrom(WECOM_AES_KEY));
    expect((await signedEnvelope(other)).status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(wecom.syncRequests.length).toBe(requests);
    expect(await wecomFounders()).toBe(founders);
    wecom.messages.pop();
  });

  it('runs a whole assessment to the same verdicts as the engine for the same answers', async () => {
    const persona = personaAnswers('hardtech-growth');
    const catalogue = world.services.catalogue.current();
    const key = `wecom:${OPEN_KFID}:ext-persona`;
    const current = async () => {
      const stored = await world.services.conversations.load(key);
      const { state } = restoreState(stored!.stateVersion, stored!.state);
      return state.mode === 'assessing' ? (state.assessment?.current ?? null) : null;
    };
    let n = 0;
    const say = async (words: string) => {
      wecom.messages.push(customerText('ext-persona', words));
      await event(`persona-token-${++n}`);
    };
    await say('开始测评');
    for (let i = 1; i < 80; i += 1) {
      const fact = await current();
      if (!fact) break;
      const value = persona[fact];
      await say(value === undefined ? '不知道' : formatValue(catalogue.facts[fact], value));
    }
    expect(await current()).toBeNull();
    const [identity] = await world.db.dataSource.manager.findBy(FounderIdentity, { externalId: 'ext-persona' });
    const stored = await world.services.profiles.answers(identity!.founderId);
    const viaChat = world.services.eligibility.check({ answers: stored }).evaluation.results;
    const direct = world.services.eligibility.check({ answers: persona }).evaluation.results;
    expect(viaChat.map((r) => [r.policy, r.status])).toEqual(direct.map((r) => [r.policy, r.status]));
    for (const message of wecom.sent) expect(Buffer.byteLength(message.content)).toBeLessThanOrEqual(2048);
  });
});

describe('pulling and answering WeCom messages', () => {
  let wecom: FakeWecom;
  beforeEach(async () => {
    wecom = await startFakeWecom();
  });
  afterEach(() => wecom.close());

  /** WeCom's gettoken, cached as the channel caches it. */
  function gettokenCache(): AccessTokenCache {
    return new AccessTokenCache(
      {
        apiBase: wecom.baseUrl,
        appid: WECOM_CORP_ID,
        secret: WECOM_KF_SECRET,
        timeoutMs: 5000,
        endpoint: 'wecom_gettoken',
      },
      fixedClock(new Date('2026-12-04T02:00:00Z')),
    );
  }

  function syncWith(replies: (message: string) => Promise<string[]>) {
    const claimed = new Set<string>();
    const positions = new Map<string, KfReadPosition>();
    const api = new WecomKfApi({
      tokens: gettokenCache(),
      apiBase: wecom.baseUrl,
      timeoutMs: 5000,
    });
    const turns: string[] = [];
    const sync = new KfSync({
      api,
      cursors: {
        load: async (id) => positions.get(id) ?? { cursor: '', handledMsgId: null },
        save: async (id, position) => void positions.set(id, position),
      },
      dialogue: {
        receive: async (_address, message) => {
          turns.push(message);
          return replies(message);
        },
      },
      windows: { opened: async () => undefined, spent: async () => undefined },
      // The database's inbound_message, as a set: these tests are about pulling and sending.
      messages: { claim: async (key) => !claimed.has(key) && Boolean(claimed.add(key)) },
      logger: silentLogger(),
    });
    return { sync, turns, positions };
  }

  it('cuts a long reply into messages of at most 2,048 bytes, sent in order', async () => {
    const long = '研'.repeat(1500); // 4,500 bytes
    const { sync } = syncWith(async () => [long]);
    wecom.messages.push(customerText('ext-long', '详细'));
    await sync.pull(OPEN_KFID, 't');
    expect(wecom.sent.length).toBe(3);
    for (const message of wecom.sent) expect(Buffer.byteLength(message.content)).toBeLessThanOrEqual(2048);
    expect(wecom.sent.map((m) => m.content).join('')).toBe(long);
  });

  it('runs one pull at a time per account, coalescing the events that come meanwhile', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { sync, turns } = syncWith(async () => {
      await gate;
      return ['好的'];
    });
    wecom.messages.push(customerText('ext-a', '一'));
    const first = sync.pull(OPEN_KFID, 't1');
    await waitFor(() => turns.length === 1, 'the first turn');
    const queued = [sync.pull(OPEN_KFID, 't2'), sync.pull(OPEN_KFID, 't3'), sync.pull(OPEN_KFID, 't4')];
    expect(wecom.syncRequests).toHaveLength(1);
    release();
    await Promise.all([first, ...queued]);
    // The first pull, then one more with the newest Token: not one per event.
    expect(wecom.syncRequests.map((r) => r.token)).toEqual(['t1', 't4']);
    expect(turns).toEqual(['一']);
  });

  it('refreshes an expired token once and sends again', async () => {
    const { sync } = syncWith(async () => ['你好']);
    wecom.messages.push(customerText('ext-b', '你好'));
    wecom.sendScript.push(42001);
    await sync.pull(OPEN_KFID, 't');
    expect(wecom.sent).toEqual([{ token: 'kf-token-2', touser: 'ext-b', openKfId: OPEN_KFID, content: '你好' }]);
    expect(wecom.tokenRequests).toBe(2);
  });

  it('fetches the gettoken token once however many calls ask at once', async () => {
    const tokens = gettokenCache();
    const all = await Promise.all(Array.from({ length: 20 }, () => tokens.token()));
    expect(new Set(all)).toEqual(new Set(['kf-token-1']));
    expect(wecom.tokenRequests).toBe(1);
  });
});
