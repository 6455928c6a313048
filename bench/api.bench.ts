/**
 * `npm run bench:api`: throughput and latency of the mini-program API with
 * autocannon (50 connections, ~5 s per scenario, loopback only), against a
 * bare Koa hello-world baseline measured in the same run (the distinct rows
 * against their floors in alternating rounds, see paired):
 *   four stack floors, with none of the app's own logic (Koa + koa-helmet + @koa/router sending the
 *   persona's reply; the same sending the replies of the distinct profiles, full and summary;
 *   the same plus an answer's SQLite statements run directly) ·
 *   GET /health · stateless POST /api/v1/eligibility (one persona, repeated, as
 *   the service's check cache sees a popular answer set; and 5000 distinct
 *   generated profiles, round-robin, so the cache never helps; and those again
 *   with `?view=summary`) · a stateful
 *   assessment answer
 * on SQLite and, when DATABASE_URL is set, on MariaDB/MySQL (in a scratch
 * database `<name>_api_bench`, created and dropped here; yours is not touched).
 *
 * API requests say `Accept-Encoding: gzip, deflate, br`, as real clients do
 * (a check served before is then sent gzipped; autocannon does not inflate).
 *
 * The server runs in a child process so that it does not share an event loop
 * with the load generator. Goals (issue 21 §3, a cache miss): distinct full
 * checks ≥ 0.3× their floor, distinct summary checks ≥ 0.5×, p99 < 50 ms; the
 * persona and answer rows show their ratio to their own same-bytes floor.
 * A benchmark, not a test.
 */
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import readline from 'node:readline';
import {
  ANSWER_FLOOR,
  ANSWER_SCENARIO,
  PERSONA_FLOOR,
  PERSONA_SCENARIO,
  appWorkBound,
  DISTINCT_FULL,
  DISTINCT_SUMMARY,
  FULL_FLOOR,
  latencyBound,
  medianRow,
  MISS_GOALS,
  notes,
  type Row,
  SUMMARY_FLOOR,
  table,
} from './api-report';
import { type DistinctFloor, distinctProfiles, FLOOR_REPLIES, serve, ServerInfo } from './api-bench-server';
import { selfCommand } from './support/compiled';
import { pacedLoad } from './support/paced-load';
import { dropScratchDatabase, recreateScratchDatabase } from './support/scratch-database';

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
}
interface AutocannonResult {
  requests: { average: number };
  throughput: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon ships no types; this is the slice used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

/** The concurrency of issue 21's goals (p99 < 50 ms at 50 connections), for every row. */
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
/** Alternating rounds of a distinct row against its floor (see paired), and each round's length. */
const PAIRS = Number(process.env.BENCH_PAIRS ?? 3);
const PAIR_S = Number(process.env.BENCH_PAIR_S ?? 3);
/** The open-loop rows' load: ~43 M checks a day, more than the service will see. */
const OFFERED_RPS = Number(process.env.BENCH_OFFERED_RPS ?? 500);
// As wx.request and browsers send them: replies that the API keeps compressed go out gzipped.
const JSON_HEADERS = { 'content-type': 'application/json', 'accept-encoding': 'gzip, deflate, br' };

async function serverCpu(base: string): Promise<{ cpuMicros: number; served: number }> {
  const response = await fetch(`${base}/__bench/cpu`);
  return (await response.json()) as { cpuMicros: number; served: number };
}

async function load(base: string, requests: AutocannonRequest[], duration = DURATION_S): Promise<AutocannonResult> {
  return autocannon({ url: base, connections: CONNECTIONS, duration, requests, pipelining: 1 });
}

async function measure(scenario: string, db: string, base: string, requests: AutocannonRequest[]): Promise<Row> {
  await load(base, requests, 1); // warm-up: JIT, connection pools, caches
  return sample(scenario, db, base, requests, DURATION_S);
}

/**
 * Latency at a steady load (see bench/support/paced-load): OFFERED_RPS
 * requests a second for DURATION_S, after a second of it to warm up; the
 * bodies come from `request` as the load generator would send them.
 */
async function measureOffered(scenario: string, db: string, base: string, request: AutocannonRequest): Promise<Row> {
  const paced = {
    method: request.method ?? 'GET',
    path: request.path ?? '/',
    headers: request.headers ?? JSON_HEADERS,
    body: () => (request.setupRequest ? request.setupRequest({ ...request }).body : request.body) ?? '',
  };
  await pacedLoad(base, paced, OFFERED_RPS, 1, CONNECTIONS);
  const before = await serverCpu(base);
  const result = await pacedLoad(base, paced, OFFERED_RPS, DURATION_S, CONNECTIONS);
  const after = await serverCpu(base);
  return {
    scenario,
    db,
    rps: Math.round((result.sent - result.failures) / DURATION_S),
    // Tenths: at a steady load most replies take well under a millisecond.
    p50: Math.round(result.p50 * 10) / 10,
    p99: Math.round(result.p99 * 10) / 10,
    cpuMs: (after.cpuMicros - before.cpuMicros) / Math.max(1, after.served - before.served) / 1000,
    kbPerReply: NaN,
    failures: result.failures,
  };
}

/** One timed run, without a warm-up. */
async function sample(
  scenario: string,
  db: string,
  base: string,
  requests: AutocannonRequest[],
  duration: number,
): Promise<Row> {
  const before = await serverCpu(base);
  const result = await load(base, requests, duration);
  const after = await serverCpu(base);
  return {
    scenario,
    db,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMs: (after.cpuMicros - before.cpuMicros) / Math.max(1, after.served - before.served) / 1000,
    kbPerReply: result.throughput.average / Math.max(1, result.requests.average) / 1024,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

function startServer(kind: string): Promise<{ child: ChildProcess; info: ServerInfo }> {
  const child = spawn(process.execPath, [...selfCommand(__filename), '--serve', kind], {
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve({ child, info: JSON.parse(line) as ServerInfo }));
    child.once('exit', (code) => reject(new Error(`bench server (${kind}) exited with ${code}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  child.removeAllListeners('exit');
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function scratchDatabase(action: 'create' | 'drop'): void {
  if (action === 'create') recreateScratchDatabase(process.env.DATABASE_URL!, 'api_bench');
  else dropScratchDatabase(process.env.DATABASE_URL!, 'api_bench');
}

/**
 * The app's rows on one database. The distinct rows are measured in pairs
 * with their floors (see paired); the floors' rows of those pairs go to
 * `floors`, the first database's only (the floors use no database).
 */
async function scenarios(kind: 'sqlite' | 'mysql', floors: Row[]): Promise<Row[]> {
  const db = kind === 'mysql' ? 'mariadb' : 'sqlite';
  const { child, info } = await startServer(kind);
  try {
    const profiles = distinctProfiles();
    // One request, one turn counter, for both distinct rows: the summary row goes on with the
    // profiles the full row has not just sent, so that neither is served from the check cache.
    const varied = distinctRequest(profiles);
    // The floors' servers answer with the replies to the first FLOOR_REPLIES of these bodies.
    const floorBodies = profiles.slice(0, FLOOR_REPLIES);
    const health = await measure('GET /health', db, info.base, [{ method: 'GET', path: '/health' }]);
    const persona = await measure(PERSONA_SCENARIO, db, info.base, [personaRequest(info)]);
    const full = await paired(DISTINCT_FULL, db, info.base, varied, 'distinct-floor', distinctRequest(floorBodies));
    // The list a phone asks for (issue 21): the same checks, a reply a tenth the size.
    const summary = await paired(
      DISTINCT_SUMMARY,
      db,
      info.base,
      summaryOf(varied),
      'summary-floor',
      summaryOf(distinctRequest(floorBodies)),
    );
    // Latency at a steady load a busy day could bring, offered whatever the server answers (open loop).
    const fullAtRate = await measureOffered(`${DISTINCT_FULL}, ${OFFERED_RPS} RPS offered`, db, info.base, varied);
    const summaryAtRate = await measureOffered(
      `${DISTINCT_SUMMARY}, ${OFFERED_RPS} RPS offered`,
      db,
      info.base,
      summaryOf(varied),
    );
    const answer = await measure(ANSWER_SCENARIO, db, info.base, [answerRequest(info)]);
    if (!floors.some((row) => row.scenario === FULL_FLOOR)) floors.push(full.floor, summary.floor);
    return [health, persona, full.row, summary.row, fullAtRate, summaryAtRate, answer];
  } finally {
    await stop(child);
  }
}

function summaryOf(request: AutocannonRequest): AutocannonRequest {
  return { ...request, path: '/api/v1/eligibility?view=summary' };
}

/**
 * A distinct row against its floor, both servers up at once but loaded one at
 * a time: after a warm-up of each, PAIRS rounds of PAIR_S seconds, the floor
 * first in one round and the row first in the next. This machine's speed
 * drifts by up to ~1.5× between minutes, so a ratio of two runs made minutes
 * apart says more about the drift than the code; each round's ratio compares
 * runs made seconds apart, and the median of the rounds drops the round a
 * burst of other work hit. The rows returned hold the medians of the rounds
 * (the row's also the per-round ratios, for the table's "vs floor" columns).
 */
async function paired(
  scenario: string,
  db: string,
  base: string,
  request: AutocannonRequest,
  floorKind: DistinctFloor,
  floorRequest: AutocannonRequest,
): Promise<{ floor: Row; row: Row }> {
  const floorScenario = floorKind === 'summary-floor' ? SUMMARY_FLOOR : FULL_FLOOR;
  const { child, info } = await startServer(floorKind);
  try {
    const floorRun = () => sample(floorScenario, '-', info.base, [floorRequest], PAIR_S);
    const rowRun = () => sample(scenario, db, base, [request], PAIR_S);
    await load(info.base, [floorRequest], 1);
    await load(base, [request], 1);
    const floors: Row[] = [];
    const rows: Row[] = [];
    for (let round = 0; round < PAIRS; round += 1) {
      // Whichever goes second in a round meets a warmer (or busier) machine; alternating evens that out.
      if (round % 2 === 0) {
        floors.push(await floorRun());
        rows.push(await rowRun());
      } else {
        rows.push(await rowRun());
        floors.push(await floorRun());
      }
    }
    const row = medianRow(rows);
    row.vsFloor = {
      rps: rows.map((r, i) => r.rps / floors[i]!.rps),
      cpu: rows.map((r, i) => floors[i]!.cpuMs / r.cpuMs),
    };
    return { floor: medianRow(floors), row };
  } finally {
    await stop(child);
  }
}

/** The persona's check, the same bytes every time, as the mini-program sends one answer set. */
function personaRequest(info: ServerInfo): AutocannonRequest {
  return {
    method: 'POST',
    path: '/api/v1/eligibility',
    headers: JSON_HEADERS,
    body: JSON.stringify(info.eligibilityBody),
  };
}

/** Round-robin over the founders, each answering their own open assessment's first question. */
function answerRequest(info: ServerInfo): AutocannonRequest {
  let turn = 0;
  return {
    method: 'POST',
    setupRequest: (request) => {
      const founder = info.founders[turn++ % info.founders.length]!;
      return {
        ...request,
        path: `/api/v1/me/assessments/${founder.assessmentId}/answers`,
        headers: { ...JSON_HEADERS, authorization: `Bearer ${founder.token}` },
        body: JSON.stringify({ fact: founder.fact, value: founder.value }),
      };
    },
  };
}

/** The profiles' bodies round-robin, so that the check cache never helps. */
function distinctRequest(profiles: string[]): AutocannonRequest {
  let turn = 0;
  return {
    method: 'POST',
    path: '/api/v1/eligibility',
    headers: JSON_HEADERS,
    setupRequest: (request) => ({ ...request, body: profiles[turn++ % profiles.length]! }),
  };
}

/**
 * A request against the required stack alone (see api-bench-server.ts): the
 * most the app's rows of the same kind could reach on this machine.
 */
async function floorRow(
  kind: 'floor' | 'stateful-floor',
  scenario: string,
  request: (info: ServerInfo) => AutocannonRequest,
): Promise<Row> {
  const { child, info } = await startServer(kind);
  try {
    return await measure(scenario, kind === 'stateful-floor' ? 'sqlite' : '-', info.base, [request(info)]);
  } finally {
    await stop(child);
  }
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--serve');
  if (at >= 0) {
    const info = await serve(process.argv[at + 1] as 'baseline' | 'sqlite' | 'mysql');
    process.stdout.write(`${JSON.stringify(info)}\n`);
    return;
  }
  console.log(
    `bench:api — ${CONNECTIONS} connections, ${DURATION_S} s per scenario (+1 s warm-up); distinct rows and their floors` +
      ` ${PAIRS} alternating rounds of ${PAIR_S} s each (+1 s warm-up); loopback only`,
  );
  const base = await startServer('baseline');
  let baseline: Row;
  try {
    baseline = await measure('Koa hello-world (baseline)', '-', base.info.base, [{ method: 'GET', path: '/' }]);
  } finally {
    await stop(base.child);
  }
  const personaFloor = await floorRow('floor', PERSONA_FLOOR, personaRequest);
  const statefulFloor = await floorRow('stateful-floor', ANSWER_FLOOR, answerRequest);
  // The distinct rows' floors are measured in pairs with those rows (see paired).
  const distinctFloors: Row[] = [];
  const appRows = await scenarios('sqlite', distinctFloors);
  if (process.env.DATABASE_URL) {
    scratchDatabase('create');
    try {
      appRows.push(...(await scenarios('mysql', distinctFloors)));
    } finally {
      scratchDatabase('drop');
    }
  } else {
    console.log('(set DATABASE_URL=mysql://… to add MariaDB/MySQL; a scratch database <name>_api_bench is used)');
  }
  console.log(table(baseline, [personaFloor, ...distinctFloors, statefulFloor, ...appRows]));
  console.log(
    latencyBound(
      appRows.filter((row) => MISS_GOALS[row.scenario]),
      CONNECTIONS,
    ),
  );
  console.log(appWorkBound(distinctFloors));
  console.log(notes({ pairs: PAIRS, pairSeconds: PAIR_S, offeredRps: OFFERED_RPS }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
