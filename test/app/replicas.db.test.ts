/**
 * Two API replicas in their own processes on one MariaDB database and one
 * Redis (issue 22, "Done means"): `main.ts` started twice, configured by its
 * environment only, against a fake WeChat server, a fresh database and a
 * redis-server of this test's own (so it can stop it).
 *
 * Needs DATABASE_URL (MariaDB/MySQL, as CI's database step sets it: a fresh
 * database is made beside the one it names) and `redis-server` on PATH;
 * skipped otherwise, saying why.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { In } from 'typeorm';
import { composeServices, ComposedServices } from '../../app/compose-services';
import { loadConfig } from '../../config/config';
import { ApplicationWindow, ReminderDelivery } from '../../entities';
import { silentLogger } from '../../logging/logger';
import { addDays } from '../../reminders/calendar';
import { LEASE_NAME } from '../../reminders/runner';
import { shanghaiDate } from '../../services/clock';
import { FakeWechat, HeldSend, startFakeWechat } from '../reminders/support/fake-wechat-server';
import { PrivateRedis, redisServerInstalled, startPrivateRedis } from '../support/private-redis';
import { waitUntil } from '../support/wait-until';
import { Replica, startReplica } from './support/replica-process';

const LIMIT = 6;
const LEASE_TTL_MS = 6000;
/** The plan (and send) runs every 2 s: the "run now" a test needs, without a clock of its own. */
const PLAN_EVERY_S = 2;
const POLICY = 'sh.alpha';
const TEMPLATE = 'tmpl-replicas';
const SESSION_SECRET = 'replicas-session-secret-0123456789-abcdef';
const CONTENT_DIR = path.resolve(__dirname, '../fixtures/content/minimal');

const mysqlUrl = process.env.DATABASE_URL;
const skipReason = !mysqlUrl
  ? 'needs DATABASE_URL=mysql://… (CI runs it on MariaDB)'
  : !redisServerInstalled()
    ? 'needs redis-server on PATH'
    : null;
const describeReplicas = skipReason ? describe.skip : describe;
if (skipReason) console.warn(`two replicas: skipped, ${skipReason}`);

describeReplicas(
  `two API replicas in their own processes, one MariaDB database, one Redis${skipReason ? ` [skipped: ${skipReason}]` : ''}`,
  () => {
    const databaseName = `fg_prod_replicas_${randomUUID().slice(0, 8)}`;
    const databaseUrl = Object.assign(new URL(mysqlUrl ?? 'mysql://localhost/none'), { pathname: `/${databaseName}` });
    let redis: PrivateRedis;
    let wechat: FakeWechat;
    let seeding: ComposedServices;
    let replicas: Replica[] = [];

    beforeAll(async () => {
      await adminQuery(`CREATE DATABASE \`${databaseName}\` CHARACTER SET utf8mb4`);
      [redis, wechat] = await Promise.all([startPrivateRedis(), startFakeWechat()]);
      // Migrated, content loaded and the deadline in place before the replicas start.
      seeding = await composeServices(
        loadConfig({
          DATABASE_URL: databaseUrl.toString(),
          CONTENT_DIR,
          SESSION_SECRET,
          LOG_LEVEL: 'silent',
        }),
        silentLogger(),
      );
      await seeding.dataSource.manager.insert(ApplicationWindow, {
        policyId: POLICY,
        windowKey: `${POLICY}:replicas-test`,
        opensOn: null,
        closesOn: addDays(shanghaiDate(new Date()), 7),
        rolling: false,
        note: null,
        confidence: 'B',
      });
      const env = {
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl.toString(),
        CONTENT_DIR,
        SESSION_SECRET,
        REDIS_URL: redis.url,
        REDIS_KEY_PREFIX: `fg-replicas-${randomUUID()}`,
        RATE_LIMIT_PER_MINUTE: String(LIMIT),
        // The test says which address each request comes from, so the per-IP limit stays out of the way.
        TRUST_PROXY: '1',
        WECHAT_API_BASE: wechat.baseUrl,
        WECHAT_APPID: 'wx-replicas',
        WECHAT_SECRET: 'test-secret',
        WECHAT_TEMPLATE_ID: TEMPLATE,
        WECHAT_TIMEOUT_MS: '2000',
        MINIPROGRAM_LONG_TERM_SUBSCRIPTIONS: 'true',
        REMINDERS_ENABLED: 'true',
        REMINDER_CRON: `*/${PLAN_EVERY_S} * * * * *`,
        REMINDER_OFFSETS: '7',
        REMINDER_QUIET_HOURS: '00:00-00:00',
        REMINDER_LEASE_TTL_MS: String(LEASE_TTL_MS),
      };
      replicas = await Promise.all([startReplica('replica-a', env), startReplica('replica-b', env)]);
    }, 90_000);

    afterAll(async () => {
      for (const replica of replicas) replica.child.kill('SIGKILL');
      await Promise.all(replicas.map((replica) => replica.exited));
      await seeding?.dataSource.destroy();
      await redis?.kill();
      await wechat?.close();
      await adminQuery(`DROP DATABASE IF EXISTS \`${databaseName}\``);
    }, 30_000);

    const alive = () =>
      replicas.filter((replica) => replica.child.exitCode === null && replica.child.signalCode === null);

    /** Founders subscribed to the policy's mini-program reminders, as the API records them. */
    async function subscribedFounders(prefix: string, count: number): Promise<{ ids: string[]; openids: string[] }> {
      const { services } = seeding;
      const ids: string[] = [];
      const openids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
      for (const openid of openids) {
        const founder = await services.founders.findOrCreate({ channel: 'miniprogram', openid });
        await services.subscriptions.save(founder.id, {
          scope: POLICY,
          channel: 'miniprogram',
          templateIds: [TEMPLATE],
        });
        ids.push(founder.id);
      }
      return { ids, openids };
    }

    /** Messages the fake WeChat server answered, per founder openid. */
    function deliveredTo(openids: readonly string[]): Map<string, number> {
      const counts = new Map(openids.map((openid) => [openid, 0]));
      for (const message of wechat.messages)
        if (counts.has(message.body.touser)) counts.set(message.body.touser, counts.get(message.body.touser)! + 1);
      return counts;
    }

    const batchRows = (ids: string[]) =>
      seeding.dataSource.manager.find(ReminderDelivery, { where: { founderId: In(ids) } });

    /** Waits for the batch's rows to be recorded sent, then checks each founder got exactly one message. */
    async function allSentOnce(batch: { ids: string[]; openids: string[] }): Promise<void> {
      await waitUntil(
        async () => {
          const rows = await batchRows(batch.ids);
          return rows.length === batch.ids.length && rows.every((row) => row.status === 'sent') ? true : undefined;
        },
        'every reminder of the batch to be recorded sent',
        30_000,
      );
      expect([...deliveredTo(batch.openids).values()]).toEqual(batch.openids.map(() => 1));
      const rows = await batchRows(batch.ids);
      expect(rows.map((row) => [row.policyId, row.offsetDays])).toEqual(batch.ids.map(() => [POLICY, 7]));
    }

    async function leaseHolderPid(): Promise<number | undefined> {
      const [row] = (await seeding.dataSource.query('SELECT `holder` FROM `lease` WHERE `name` = ?', [LEASE_NAME])) as {
        holder: string;
      }[];
      // The runner's holder is `<host>:<pid>:<random>`.
      return row ? Number(row.holder.split(':').at(-2)) : undefined;
    }

    it('shares a founder’s rate limit: requests alternating between the replicas stop at the limit in total', async () => {
      const founder = await seeding.services.founders.findOrCreate({ channel: 'miniprogram', openid: 'o-limited' });
      const { token } = seeding.services.sessions.issue(founder.id);
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT + 2; i += 1) {
        const res = await fetch(`${replicas[i % 2]!.address}/api/v1/me/profile`, {
          headers: { Authorization: `Bearer ${token}`, 'X-Forwarded-For': `10.0.1.${i}` },
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([...Array<number>(LIMIT).fill(200), 429, 429]);
    });

    it('sends every due reminder exactly once while both replicas run the plan for the same moments', async () => {
      const batch = await subscribedFounders('o-both', 6);
      await allSentOnce(batch);
      // Both were up and planning all along.
      expect(alive()).toHaveLength(2);
    }, 40_000);

    it('has the other replica take over a run killed (SIGKILL) mid-message within the lease time, sending nothing twice and losing nothing', async () => {
      let sends = 0;
      const held = new Promise<HeldSend>((resolve) => (wechat.held = resolve));
      wechat.hold = (message) => message.body.touser.startsWith('o-killed-') && (sends += 1) === 4;
      const batch = await subscribedFounders('o-killed', 8);
      const inFlight = await waitFor(held, 'the fourth message of the run', 30_000);

      const holder = await leaseHolderPid();
      const victim = replicas.find((replica) => replica.pid === holder);
      expect(victim).toBeDefined();
      victim!.child.kill('SIGKILL');
      const killedAt = Date.now();
      expect(await victim!.exited).toEqual({ code: null, signal: 'SIGKILL' });
      // Never answered: the sender died with the message in flight, so WeChat delivered nothing.
      await waitUntil(() => (inFlight.hungUp() ? true : undefined), 'the fake to see the sender hang up');
      inFlight.release();
      wechat.hold = null;
      expect(wechat.unanswered.map((message) => message.body.touser)).toEqual([inFlight.message.body.touser]);

      const deliveredBeforeKill = wechat.messages.length;
      await waitUntil(() => (wechat.messages.length > deliveredBeforeKill ? true : undefined), 'the takeover', 30_000);
      const takeoverMs = Date.now() - killedAt;
      // The lease lapses at most LEASE_TTL_MS after the kill; the survivor's next plan takes it.
      expect(takeoverMs).toBeLessThan(LEASE_TTL_MS + 2 * PLAN_EVERY_S * 1000 + 5000);
      await allSentOnce(batch);
      expect(alive()).toHaveLength(1);
      // One access token for both replicas: the survivor used the one the other fetched (Redis).
      expect(wechat.tokenRequests).toHaveLength(1);
    }, 60_000);

    it('keeps the API answering with Redis stopped (limits counted in memory) and logs that once', async () => {
      const [survivor] = alive();
      await redis.kill();
      const statuses: number[] = [];
      // Requests over a few of the client's reconnection attempts (each one fails again).
      const until = Date.now() + 3000;
      while (Date.now() < until) {
        const res = await fetch(`${survivor!.address}/api/v1/policies`, {
          headers: { 'X-Forwarded-For': '10.0.2.1' },
        });
        statuses.push(res.status);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // In memory, the limit still holds: the first LIMIT answer, the rest are refused, none fails.
      expect(statuses.slice(0, LIMIT)).toEqual(Array<number>(LIMIT).fill(200));
      expect(new Set(statuses.slice(LIMIT))).toEqual(new Set([429]));
      expect(survivor!.count('redis unavailable: rate limits fall back')).toBe(1);
      const ready = await fetch(`${survivor!.address}/ready`);
      expect(ready.status).toBe(503);
    }, 30_000);

    it('on SIGTERM answers the request in flight, finishes the reminder message in flight, then closes the database and exits 0', async () => {
      const [survivor] = alive();
      // A login kept waiting on WeChat: in flight when the signal arrives.
      let answerLogin!: () => void;
      wechat.loginGate = new Promise<void>((resolve) => (answerLogin = resolve));
      const login = post(`${survivor!.address}/api/v1/auth/login`, { code: 'in-flight' }, '10.0.3.1');
      await waitUntil(() => (wechat.loginRequests > 0 ? true : undefined), 'the login to reach WeChat');

      const held = new Promise<HeldSend>((resolve) => (wechat.held = resolve));
      wechat.hold = (message) => message.body.touser.startsWith('o-late-');
      const batch = await subscribedFounders('o-late', 3);
      const inFlight = await waitFor(held, 'a message of the last batch', 30_000);
      wechat.hold = null;

      survivor!.child.kill('SIGTERM');
      await waitUntil(
        () => (survivor!.count('"signal":"SIGTERM"') > 0 ? true : undefined),
        'the replica to start stopping',
      );
      answerLogin();
      inFlight.release();

      expect(await survivor!.exited).toEqual({ code: 0, signal: null });
      expect((await login).status).toBe(200);
      expect(wechat.unanswered).toHaveLength(1); // the one from the kill, no other
      const rows = await batchRows(batch.ids);
      const sentTo = rows.filter((row) => row.status === 'sent');
      // The message in flight went out and was recorded; the rest wait, unclaimed, for the next runner.
      expect(sentTo).toHaveLength(1);
      expect(deliveredTo(batch.openids).get(inFlight.message.body.touser)).toBe(1);
      expect(rows.filter((row) => row.status === 'pending').every((row) => row.claimedBy === null)).toBe(true);
      expect(survivor!.count('stopped: requests and reminders finished, database closed')).toBe(1);
    }, 40_000);

    async function adminQuery(sql: string): Promise<void> {
      const server = Object.assign(new URL(mysqlUrl!), { pathname: '/' });
      const connection = await createConnection(server.toString());
      try {
        await connection.query(sql);
      } finally {
        await connection.end();
      }
    }
  },
);

/** A promise, or a clear failure once `ms` have passed. */
function waitFor<T>(promise: Promise<T>, what: string, ms: number): Promise<T> {
  let timer!: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A JSON POST on its own connection (fetch would pool it with the others). */
function post(url: string, body: unknown, from: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, agent: false },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}
