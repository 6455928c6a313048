/**
 * `npm run bench:rules [-- --profiles 1000]`: time per profile of evaluate +
 * nextQuestion over the whole shipped catalogue, for a deterministic batch of
 * generated profiles (any subset of facts answered), next to the same
 * criteria run by json-rules-engine in the same process (one warm-up pass
 * over all profiles, then two timed passes per variant in mirrored order, see
 * timePhases). Goals: median < 1 ms per profile, and ≥ 20× faster than
 * json-rules-engine.
 *
 * json-rules-engine only says pass/fail with what is known; our run also
 * finds missing facts, near misses and windows and picks the next question,
 * and when no open verdict needs one, the question a near miss still needs
 * (issue 18: about half the generated profiles reach that point, and it
 * costs ~0.005 ms there; the 20× goal was set before it, see issue 18's note).
 * Per-criterion explanations and near misses are built when first read
 * (the adaptive loop and the reminder plan never read them), so another
 * line times the run with every explanation and near miss read, as the API does.
 * Compiled, as production runs it (`npm run bench:rules` builds first); every
 * run on answers it has not seen.
 */
import { performance } from 'node:perf_hooks';
import { readCatalogue } from '../catalogue/read-content';
import { evaluate, nextQuestion } from '../rules';
import type { Answers } from '../rules/catalogue';
import { jsonRulesEngine } from '../test/rules/support/json-rules-engine';
import { sampleProfiles } from '../test/rules/support/profiles';
import { repoPath } from './support/compiled';

const AS_OF = '2026-11-23';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Stats {
  median: number;
  p99: number;
  mean: number;
}

function stats(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: times.reduce((s, t) => s + t, 0) / times.length,
  };
}

/**
 * Times each variant over all profiles in a phase of its own, the phases in
 * mirrored order (A B C D, then D C B A): a machine that speeds up or slows
 * down mid-run (shared machines drift by more than the ratios printed here)
 * then shifts every variant alike, and each runs in its own steady state.
 * Interleaving the variants profile by profile was tried: json-rules-engine's
 * garbage then slowed ours by ~25 %, a cost of the neighbour, not of ours.
 * The first pass warms the JIT up on every profile and variant, untimed.
 *
 * Each run gets its own copy of the answers, made before the clock starts:
 * the engine keeps a session per answers object (evaluate then nextQuestion
 * on one request share it), and a request always brings a new object, so
 * reusing one would time a memo instead of a check.
 */
async function timePhases(profiles: Answers[], variants: ((answers: Answers) => unknown)[]): Promise<number[][]> {
  const times: number[][] = variants.map(() => []);
  const forward = variants.map((_, v) => v);
  const orders = [forward, forward, [...forward].reverse()];
  for (const [round, order] of orders.entries()) {
    for (const v of order) {
      for (const answers of profiles) {
        const fresh = { ...answers };
        const start = performance.now();
        // Only json-rules-engine is async: ours are timed without an await's extra tick.
        const pending = variants[v]!(fresh);
        if (pending instanceof Promise) await pending;
        if (round > 0) times[v]!.push(performance.now() - start);
      }
    }
  }
  return times;
}

function ms(value: number): string {
  return `${value.toFixed(3)} ms`;
}

async function main(): Promise<void> {
  const { catalogue } = readCatalogue(repoPath('content'));
  const count = option('profiles', 1000);
  const profiles = sampleProfiles(catalogue, AS_OF, count);
  const answered = profiles.reduce((sum, p) => sum + Object.keys(p).length, 0) / profiles.length;
  const jre = jsonRulesEngine(catalogue, AS_OF);

  const ours = (answers: Answers) => {
    evaluate(catalogue, answers, AS_OF);
    nextQuestion(catalogue, answers, AS_OF);
  };
  const evaluateOnly = (answers: Answers) => void evaluate(catalogue, answers, AS_OF);
  // Explanations, score breakdowns and near misses are built on first read; the API reads them all.
  let characters = 0;
  const readEverything = (answers: Answers) => {
    for (const result of evaluate(catalogue, answers, AS_OF).results) {
      for (const criterion of result.criteria) characters += criterion.explanation.length;
      for (const miss of result.nearMiss) characters += miss.explanation.length;
      characters += result.scores.length;
    }
    nextQuestion(catalogue, answers, AS_OF);
  };

  const [full, evalStats, readStats, jreStats] = (
    await timePhases(profiles, [ours, evaluateOnly, readEverything, (a) => jre.run(a)])
  ).map(stats) as [Stats, Stats, Stats, Stats];
  const worst = stats((await timePhases(Array<Answers>(20).fill({}), [ours]))[0]!);

  console.log(
    `${profiles.length} generated profiles, ${answered.toFixed(1)} of ${Object.keys(catalogue.facts).length} facts answered on average; ${catalogue.policies.length} policies`,
  );
  console.log('');
  console.log(`${''.padEnd(37)}median       p99          mean`);
  const line = (label: string, s: Stats) =>
    console.log(`${label.padEnd(37)}${ms(s.median).padEnd(13)}${ms(s.p99).padEnd(13)}${ms(s.mean)}`);
  line('evaluate + nextQuestion', full);
  line('evaluate only', evalStats);
  line('… + every explanation read', readStats);
  line('json-rules-engine (same criteria)', jreStats);
  line('evaluate + nextQuestion, no answers', worst);
  console.log('');
  const ratio = jreStats.median / full.median;
  console.log(`json-rules-engine / (evaluate + nextQuestion), medians: ${ratio.toFixed(1)}×`);
  console.log(`json-rules-engine / evaluate, medians: ${(jreStats.median / evalStats.median).toFixed(1)}×`);
  console.log(
    `json-rules-engine / (evaluate + nextQuestion + every explanation), medians: ${(jreStats.median / readStats.median).toFixed(1)}×`,
  );
  console.log('');
  // Printed so the reads cannot be optimised away.
  console.log(`(explanations read: ${characters} characters)`);
  console.log(`goal: median < 1 ms per profile: ${full.median < 1 ? 'OK' : 'MISSED'} (${ms(full.median)})`);
  console.log(`goal: ≥ 20× faster than json-rules-engine: ${ratio >= 20 ? 'OK' : 'MISSED'} (${ratio.toFixed(1)}×)`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
