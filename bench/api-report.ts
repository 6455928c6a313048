/**
 * The report of `npm run bench:api` (bench/api.bench.ts runs the load): the
 * rows' shape, the issue's goals, the table, what the p99 goal asks of
 * throughput, the most a miss's ratio could be given the app's own work, and
 * the notes that say what each column means.
 */
import { appWorkPerCheck, DISTINCT_PROFILES, FLOOR_REPLIES } from './api-bench-server';

export const ANSWER_SCENARIO = 'assessment answer';
export const DISTINCT_FULL = `  … ${DISTINCT_PROFILES} distinct profiles`;
export const DISTINCT_SUMMARY = '  … distinct, ?view=summary';
export const FULL_FLOOR = 'stack floor: distinct full replies';
export const SUMMARY_FLOOR = 'stack floor: distinct summary replies';
export const PERSONA_SCENARIO = 'POST /api/v1/eligibility';
export const PERSONA_FLOOR = 'stack floor: persona reply, no app logic';
export const ANSWER_FLOOR = 'stack floor: answer step, no app logic';
/**
 * Rows measured once against a floor writing the same bytes, with no goal:
 * the hello-world goals they had (issue 6: ≥ 60 %, answer ≥ 30 %) were
 * replaced by same-bytes floors, and issue 21 §3 set goals for the distinct rows only.
 */
const SAME_BYTES_FLOORS: Record<string, string> = {
  [PERSONA_SCENARIO]: PERSONA_FLOOR,
  [ANSWER_SCENARIO]: ANSWER_FLOOR,
};
/** Issue 21 §3: a cache miss against the stack writing the same bytes. */
export const MISS_GOALS: Record<string, { floor: string; goal: number }> = {
  [DISTINCT_FULL]: { floor: FULL_FLOOR, goal: 0.3 },
  [DISTINCT_SUMMARY]: { floor: SUMMARY_FLOOR, goal: 0.5 },
};

export interface Row {
  scenario: string;
  db: string;
  rps: number;
  p50: number;
  p99: number;
  /** Server CPU time per request (user + system), robust to a busy machine. */
  cpuMs: number;
  /** Mean reply size (autocannon's bytes read per request, headers included). */
  kbPerReply: number;
  failures: number;
  /** A distinct row's per-round ratios to its floor, measured in pairs (see paired). */
  vsFloor?: { rps: number[]; cpu: number[] };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One row for several rounds of a scenario: the median of each measure, the failures of all. */
export function medianRow(rounds: Row[]): Row {
  const of = (pick: (row: Row) => number) => median(rounds.map(pick));
  return {
    ...rounds[0]!,
    rps: Math.round(of((r) => r.rps)),
    p50: of((r) => r.p50),
    p99: of((r) => r.p99),
    cpuMs: of((r) => r.cpuMs),
    kbPerReply: of((r) => r.kbPerReply),
    failures: rounds.reduce((sum, r) => sum + r.failures, 0),
  };
}

/**
 * What the p99 goal asks of throughput. autocannon keeps every connection
 * busy (a closed loop), so by Little's law the mean latency is connections /
 * RPS whatever the server does: p99 < 50 ms at 50 connections needs at least
 * 1000 RPS for the mean alone, and the RPS below for the p99 at the
 * spread (p99 / mean) the row shows. A row can meet its ratio to the floor and
 * still miss the p99 by arithmetic; this prints that arithmetic.
 */
export function latencyBound(rows: Row[], connections: number): string {
  const lines = rows.map((row) => {
    const mean = (connections / row.rps) * 1000;
    const spread = row.p99 / mean;
    const needed = Math.round((connections * spread) / 0.05);
    return (
      `  ${row.scenario.trim()} (${row.db}): mean latency ${connections} / ${row.rps} RPS = ${mean.toFixed(0)} ms; ` +
      `p99 ${row.p99} ms is ${spread.toFixed(1)}× the mean; p99 < 50 ms at that spread needs ≥ ${needed} RPS`
    );
  });
  return [`\nLittle's law at ${connections} connections (the p99 goal as a throughput):`, ...lines].join('\n');
}

/**
 * The app's own work per distinct check measured without HTTP (see
 * appWorkPerCheck), and the most each ratio to its floor could then be: the
 * floor's CPU per request over the floor's plus that work, as if the API's
 * HTTP, middleware and garbage cost nothing beyond the floor's.
 */
export function appWorkBound(floors: Row[]): string {
  const lines = (['full', 'summary'] as const).map((view) => {
    const floor = floors.find((row) => row.scenario === (view === 'full' ? FULL_FLOOR : SUMMARY_FLOOR));
    const work = appWorkPerCheck(view);
    const bound = floor
      ? `; best possible ratio to its floor (${floor.cpuMs.toFixed(3)} ms) ${(floor.cpuMs / (floor.cpuMs + work)).toFixed(2)}×`
      : '';
    return `  ${view}: ${work.toFixed(3)} ms of CPU per check${bound}`;
  });
  return [
    "\nThe app's own work per distinct check, in process (check and reply bytes; no HTTP, no body parsing, which the floor does too):",
    ...lines,
  ].join('\n');
}

export function table(baseline: Row, rows: Row[]): string {
  const header = [
    'scenario',
    'db',
    'RPS',
    'p50 ms',
    'p99 ms',
    'server CPU ms/req',
    'KB/reply',
    'vs baseline',
    'vs floor',
    'CPU vs floor',
    'failures',
  ];
  const verdict = (ratio: number, row: Row, target: number) =>
    ratio >= target && row.p99 < 50 ? ' ✓' : ` ✗ (goal ≥ ${times(target)}, p99 < 50 ms)`;
  const times = (n: number) => `${n.toFixed(2)}×`;
  // A paired row: the median of its rounds and their range; a row measured once: its one ratio.
  const spread = (ratios: number[]) => {
    const range = ratios.length > 1 ? ` (${times(Math.min(...ratios))}–${times(Math.max(...ratios))})` : '';
    return { median: median(ratios), text: `${times(median(ratios))}${range}` };
  };
  const body = [baseline, ...rows].map((row) => {
    const miss = MISS_GOALS[row.scenario];
    const floorName = SAME_BYTES_FLOORS[row.scenario];
    const floor = floorName ? rows.find((r) => r.scenario === floorName) : undefined;
    const vsFloor = row.vsFloor ?? (floor ? { rps: [row.rps / floor.rps], cpu: [floor.cpuMs / row.cpuMs] } : null);
    const rps = vsFloor ? spread(vsFloor.rps) : null;
    const cpu = vsFloor ? spread(vsFloor.cpu) : null;
    const cells = [row.scenario, row.db, String(row.rps), String(row.p50), String(row.p99), row.cpuMs.toFixed(3)];
    return [
      ...cells,
      Number.isNaN(row.kbPerReply) ? '-' : row.kbPerReply.toFixed(1),
      `${((row.rps / baseline.rps) * 100).toFixed(0)} %`,
      rps ? `${rps.text}${miss ? verdict(rps.median, row, miss.goal) : ''}` : '',
      cpu ? cpu.text : '',
      String(row.failures),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** What the columns and extra lines mean, printed after them. */
export function notes(settings: { pairs: number; pairSeconds: number; offeredRps: number }): string {
  return (
    `\nvs baseline: RPS against the Koa hello-world, for scale only: its goals (issue 6: ≥ 60 %, answer ≥ 30 %)\n` +
    `were replaced by floors that write the same bytes. The persona and answer rows show their ratio to their own\n` +
    `floor (one measurement each, no goal).\n` +
    `vs floor: a distinct row's RPS against the stack floor writing the same bytes (issue 21 §3: full ≥ 0.3×,\n` +
    `summary ≥ 0.5×, p99 < 50 ms): the median of ${settings.pairs} alternating rounds, min–max in brackets. The floor's\n` +
    `server and the app's run side by side and are loaded in turn, ${settings.pairSeconds} s each, the floor first in one round and\n` +
    `the row first in the next: this machine's speed drifts by up to ~1.5× between minutes, so a ratio of two runs\n` +
    `made minutes apart measures that drift; runs seconds apart share it, and the median drops a round that a burst\n` +
    `of other work hit. The goal is judged by the median ratio and the row's p99 (the median of its rounds; the\n` +
    `distinct rows' and their floors' other columns are medians of the rounds too; with MariaDB, its distinct rows\n` +
    `are paired with floors of their own, the floor rows shown are SQLite's pairs').\n` +
    `The distinct rows are the same endpoint with every request a cache miss (${DISTINCT_PROFILES} profiles round-robin):\n` +
    `what a check costs when nobody asked it recently. Their floors answer the first ${FLOOR_REPLIES} of those bodies with\n` +
    `the API's own replies to them, not compressed, as a first serving is sent (KB/reply: autocannon's bytes read\n` +
    `per request, so a floor and its row can be compared).\n` +
    `CPU vs floor: the floor's server CPU per request over the row's, per round, median and range as above: the\n` +
    `same ratio measured by CPU time, which other work on a shared machine disturbs less than RPS; judge by it\n` +
    `when the two disagree.\n` +
    `The "RPS offered" rows send the distinct checks at a steady ${settings.offeredRps} requests per second (an open loop,\n` +
    `bench/support/paced-load.ts; autocannon's rate limit sends each second's requests as one burst), latency\n` +
    `counted from when each request was due: latencies at that load, not at the most the server can take.\n` +
    `The stack-floor rows are Koa + koa-helmet + @koa/router (30 routes) reading the same POST body, with none of the\n` +
    `app's own work: the persona one sends the persona's reply bytes (the ceiling for the eligibility persona rows);\n` +
    `the answer one checks the session token and runs an answer's seven SQLite statements (founder, assessment,\n` +
    `profile, BEGIN, upsert, step, COMMIT) straight on better-sqlite3, replying with the bytes the API sends for\n` +
    `an answer step (the ceiling for the SQLite assessment answer row; the MariaDB one is shown against it too).`
  );
}
