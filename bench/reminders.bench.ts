/**
 * `npm run bench:reminders`: the daily plan and send for 100,000 founders
 * (and 10× fewer, to show how cost grows) into an in-memory sink, on SQLite
 * and, when DATABASE_URL is set, on MariaDB/MySQL (in a scratch database
 * `<name>_reminders_bench`, created and dropped here; yours is not touched).
 *
 * Each scenario runs in its own process, so peak RSS is that scenario's.
 * Goal: 100k due reminders in < 60 s with RSS < 300 MB. A benchmark, not a test.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config/config';
import { openDatabase } from '../db/open-database';
import { silentLogger } from '../logging/logger';
import { fixedClock, shanghaiDate, shanghaiInstant } from '../services/clock';
import type { ReminderChannel } from '../reminders/channel';
import { fittingFromEligibility } from '../reminders/fitting-policies';
import { ReminderRunner } from '../reminders/runner';
import { DEFAULT_SETTINGS } from '../reminders/settings';
import { loadBenchFixtures } from './reminders-fixtures';
import { dropScratchDatabase, recreateScratchDatabase } from './support/scratch-database';
import { selfCommand } from './support/compiled';

const SIZES = [10_000, 100_000];
const TODAY = '2026-05-20';

interface Result {
  db: string;
  founders: number;
  concurrency: number;
  fixtureS: number;
  planS: number;
  sendS: number;
  totalS: number;
  planned: number;
  sent: number;
  messages: number;
  peakRssMb: number;
}

/** The stub verdict: the founder's stored answer for the policy (the rules engine is benchmarked on its own). */
const eligibility = {
  verdicts(request: { answers: unknown; policies: string[] }) {
    const answers = request.answers as Record<string, string>;
    return { results: request.policies.map((policy) => ({ policy, status: answers[policy] ?? 'not_eligible' })) };
  },
};

async function scenario(kind: 'sqlite' | 'mysql', founders: number, concurrency: number): Promise<Result> {
  let dir: string | undefined;
  let config;
  if (kind === 'mysql') {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${url.pathname.slice(1)}_reminders_bench`;
    config = loadConfig({ DATABASE_URL: url.toString(), LOG_LEVEL: 'silent' });
  } else {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-bench-'));
    config = loadConfig({ SQLITE_PATH: path.join(dir, 'bench.sqlite'), LOG_LEVEL: 'silent' });
  }
  const dataSource = await openDatabase(config);
  try {
    let started = Date.now();
    const { policies } = await loadBenchFixtures(dataSource, founders, TODAY);
    const fixtureS = (Date.now() - started) / 1000;

    let items = 0;
    let messages = 0;
    const sink: ReminderChannel = {
      name: 'wechat',
      async send(bundle) {
        messages += 1;
        items += bundle.items.length;
        return { status: 'sent' };
      },
    };
    const catalogue = { policy: (id: string) => policies.get(id) };
    const clock = fixedClock(shanghaiInstant(TODAY, '09:00'));
    const runner = new ReminderRunner({
      dataSource,
      clock,
      channels: [sink],
      catalogue,
      verdicts: fittingFromEligibility(eligibility, catalogue),
      settings: { ...DEFAULT_SETTINGS, concurrency },
      logger: silentLogger(),
    });
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
    let planDone = 0;
    started = Date.now();
    const summary = await runner.run({
      progress: (line) => (line.startsWith('follow-ups') ? (planDone = Date.now()) : undefined),
    });
    const ended = Date.now();
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (summary.send.sent !== items || shanghaiDate(clock.now()) !== TODAY)
      throw new Error('bench: sink and outbox disagree');
    return {
      db: kind === 'mysql' ? 'mariadb' : 'sqlite',
      founders,
      concurrency,
      fixtureS,
      planS: (planDone - started) / 1000,
      sendS: (ended - planDone) / 1000,
      totalS: (ended - started) / 1000,
      planned: summary.planned,
      sent: summary.send.sent,
      messages,
      peakRssMb: Math.round(peak / 1024 / 1024),
    };
  } finally {
    await dataSource.destroy();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

function recreateBenchDatabase(): void {
  recreateScratchDatabase(process.env.DATABASE_URL!, 'reminders_bench');
}

function dropBenchDatabase(): void {
  dropScratchDatabase(process.env.DATABASE_URL!, 'reminders_bench');
}

function runChild(kind: string, founders: number, concurrency: number): Result {
  const out = execFileSync(
    process.execPath,
    [...selfCommand(__filename), '--scenario', kind, String(founders), String(concurrency)],
    {
      env: process.env,
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out.toString().trim().split('\n').pop()!) as Result;
}

function printTable(results: Result[]): void {
  const n = (x: number) => x.toLocaleString('en-US');
  const rows = results.map((r) => [
    r.db,
    String(r.concurrency),
    n(r.founders),
    n(r.sent),
    n(r.messages),
    r.planS.toFixed(2),
    r.sendS.toFixed(2),
    r.totalS.toFixed(2),
    n(Math.round(r.sent / r.totalS)),
    String(r.peakRssMb),
    r.fixtureS.toFixed(1),
  ]);
  const head = [
    'db',
    'in flight',
    'founders',
    'reminders',
    'messages',
    'plan s',
    'send s',
    'total s',
    'reminders/s',
    'peak RSS MB',
    'fixtures s',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(head));
  for (const row of rows) console.log(line(row));
  console.log('');
  for (const db of [...new Set(results.map((r) => r.db))]) {
    const [small, large] = results
      .filter((r) => r.db === db && r.concurrency === 1)
      .sort((a, b) => a.founders - b.founders);
    if (!small || !large) continue;
    const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
    console.log(
      `${db}: ${ratio(large.founders, small.founders)} founders → ${ratio(large.sent, small.sent)} reminders, ${ratio(large.totalS, small.totalS)} time, ${ratio(large.peakRssMb, small.peakRssMb)} peak RSS; ` +
        `goal for ${n(large.sent)} reminders: < 60 s ${large.totalS < 60 ? 'met' : 'MISSED'}, < 300 MB ${large.peakRssMb < 300 ? 'met' : 'MISSED'}`,
    );
  }
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--scenario');
  if (at >= 0) {
    const result = await scenario(
      process.argv[at + 1] as 'sqlite' | 'mysql',
      Number(process.argv[at + 2]),
      Number(process.argv[at + 3] ?? 1),
    );
    console.log(JSON.stringify(result));
    return;
  }
  const kinds = ['sqlite', ...(process.env.DATABASE_URL ? ['mysql'] : [])];
  console.log(
    `reminders benchmark: ${SIZES.map((s) => s.toLocaleString('en-US')).join(' and ')} founders, 20 windows (6 due), in-memory sink; ${kinds.join(' and ')}`,
  );
  if (!process.env.DATABASE_URL)
    console.log('(set DATABASE_URL=mysql://… to add MariaDB/MySQL; a scratch database <name>_reminders_bench is used)');
  const results: Result[] = [];
  // One message in flight is the default (a killed runner repeats nothing it had
  // finished); 4 in flight shows what InnoDB's group commit buys on MariaDB.
  const scenarios = kinds.flatMap((kind) => [
    ...SIZES.map((size) => ({ kind, size, concurrency: 1 })),
    ...(kind === 'mysql' ? [{ kind, size: SIZES[SIZES.length - 1]!, concurrency: 4 }] : []),
  ]);
  for (const { kind, size, concurrency } of scenarios) {
    if (kind === 'mysql') recreateBenchDatabase();
    process.stdout.write(`  ${kind} ${size.toLocaleString('en-US')} founders, ${concurrency} in flight… `);
    const result = runChild(kind, size, concurrency);
    console.log(`${result.totalS.toFixed(1)} s`);
    results.push(result);
  }
  if (kinds.includes('mysql')) dropBenchDatabase();
  console.log('');
  printTable(results);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
