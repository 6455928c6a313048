/**
 * The database away, stalled, locked or dropped: every database route answers
 * 503 with Retry-After within the configured timeout (never a 500, never a
 * hang), /health says so without hanging, and the service recovers without a
 * restart. MariaDB cases run with `npm run test:db` (DATABASE_URL); SQLite
 * cases run on the default test database.
 */
import { createConnection } from 'mysql2/promise';
import type { Response } from 'supertest';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../db/open-database';
import { startTcpProxy, TcpProxy } from '../support/tcp-proxy';
import { testDatabaseConfig } from '../support/test-database';
import { ApiWorld, openApiWorld } from './support/api-world';

const TARGET = testDatabaseConfig();
const ON_MYSQL = Boolean(TARGET.DATABASE_URL);
/** Generous: the point is "bounded", not "fast"; the configured timeouts below are 1 s. */
const BOUND_MS = 8000;

const TIMEOUTS = {
  DB_QUERY_TIMEOUT_MS: '1000',
  DB_CONNECT_TIMEOUT_MS: '1000',
  HEALTH_TIMEOUT_MS: '500',
  SQLITE_BUSY_TIMEOUT_MS: '200',
};

async function timed(send: () => Promise<Response>): Promise<{ res: Response; ms: number }> {
  const started = Date.now();
  const res = await send();
  return { res, ms: Date.now() - started };
}

function expectUnavailable({ res, ms }: { res: Response; ms: number }): void {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status: 503, code: 'unavailable' });
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(ms).toBeLessThan(BOUND_MS);
}

async function eventually(probe: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > until) throw new Error('did not recover');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

(ON_MYSQL ? describe : describe.skip)('MariaDB behind a proxy that dies and stalls', () => {
  let proxy: TcpProxy;
  let world: ApiWorld;
  let auth: { Authorization: string };
  beforeAll(async () => {
    const url = new URL(TARGET.DATABASE_URL!);
    proxy = await startTcpProxy(url.hostname, Number(url.port || 3306));
    url.host = `127.0.0.1:${proxy.port}`;
    world = await openApiWorld({ ...TIMEOUTS, DATABASE_URL: url.toString() });
    ({ auth } = await world.founder('outage'));
  });
  afterAll(async () => {
    await proxy.restore();
    await world.close();
    await proxy.close();
  });
  const profile = () => world.http().get('/api/v1/me/profile').set(auth);
  const save = () =>
    world
      .http()
      .put('/api/v1/me/profile')
      .set(auth)
      .send({ answers: { employees: 7 } });

  it('answers 503 with Retry-After while the connection is cut, /health 503, then 200 once it is back', async () => {
    expect((await profile()).status).toBe(200);
    await proxy.kill();
    expectUnavailable(await timed(profile));
    expectUnavailable(await timed(save));
    const login = await timed(() => world.http().post('/api/v1/me/assessments').set(auth).send({}));
    expectUnavailable(login);
    const health = await timed(() => world.http().get('/health'));
    expect(health.res.status).toBe(503);
    expect(health.ms).toBeLessThan(BOUND_MS);

    await proxy.restore();
    await eventually(async () => (await profile()).status === 200);
    expect((await save()).status).toBe(200);
    expect((await world.http().get('/health')).body).toMatchObject({ status: 'ok', schema: expect.any(String) });
  });

  it('answers 503 within the query timeout while the server is stalled, and /health does not hang', async () => {
    expect((await profile()).status).toBe(200);
    proxy.stall();
    expectUnavailable(await timed(profile));
    expectUnavailable(await timed(save));
    const health = await timed(() => world.http().get('/health'));
    expect(health.res.status).toBe(503);
    expect(health.ms).toBeLessThan(BOUND_MS);

    await proxy.restore();
    await eventually(async () => (await profile()).status === 200);
  });

  it('answers 503, and /health 503, when the database was dropped', async () => {
    const scratch = new URL(TARGET.DATABASE_URL!);
    const name = `fg_dropped_${process.pid}`;
    scratch.pathname = `/${name}`;
    const admin = await createConnection({ uri: TARGET.DATABASE_URL! });
    try {
      await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
      const doomed = await openApiWorld({ ...TIMEOUTS, DATABASE_URL: scratch.toString() });
      try {
        const founder = await doomed.founder('dropped');
        expect((await doomed.http().get('/health')).status).toBe(200);
        await admin.query(`DROP DATABASE \`${name}\``);
        expectUnavailable(await timed(() => doomed.http().get('/api/v1/me/profile').set(founder.auth)));
        expect((await doomed.http().get('/health')).status).toBe(503);
      } finally {
        await doomed.close();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    }
  });
});

(ON_MYSQL ? describe.skip : describe)('SQLite locked by another process, or without its tables', () => {
  let world: ApiWorld;
  let auth: { Authorization: string };
  /** Another process's connection to the same file (a second data source: its own better-sqlite3 handle). */
  let otherSource: DataSource;
  let other: { exec(sql: string): unknown };
  beforeAll(async () => {
    world = await openApiWorld(TIMEOUTS);
    ({ auth } = await world.founder('locked'));
    otherSource = await openDatabase(world.db.config, { migrate: false });
    other = (otherSource.driver as unknown as { databaseConnection: typeof other }).databaseConnection;
  });
  afterAll(async () => {
    await otherSource.destroy();
    await world.close();
  });
  const save = () =>
    world
      .http()
      .put('/api/v1/me/profile')
      .set(auth)
      .send({ answers: { employees: 9 } });

  it('answers a write 503 within the busy timeout while another connection holds the write lock; /health answers meanwhile', async () => {
    expect((await save()).status).toBe(200);
    other.exec('BEGIN IMMEDIATE');
    try {
      expectUnavailable(await timed(save));
      const health = await timed(() => world.http().get('/health'));
      expect(health.res.status).toBe(200);
      expect(health.ms).toBeLessThan(BOUND_MS);
      // Reads go on: WAL lets them past the writer.
      expect((await world.http().get('/api/v1/me/profile').set(auth)).status).toBe(200);
    } finally {
      other.exec('COMMIT');
    }
    expect((await save()).status).toBe(200);
  });

  it('answers 503, and /health 503, when the tables are gone', async () => {
    other.exec('DROP TABLE `fact_answer`; DROP TABLE `founder`;');
    expectUnavailable(await timed(save));
    const health = await world.http().get('/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'unavailable', database: 'down' });
  });
});
