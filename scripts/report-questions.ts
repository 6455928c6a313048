/**
 * `npm run report:questions [-- --dir DIR] [--as-of YYYY-MM-DD]`
 *
 * Questions-to-verdict of the bare rules engine: each persona answers what
 * nextQuestion asks (what the persona file does not say is skipped, as
 * "不知道" would be). Counted against the full questionnaire (every fact):
 *   (a) questions until the first good news is known (rules/results.ts isGoodNews: eligible,
 *       or every encoded condition met with conditions left to check) — goal: median ≤ 5;
 *   (a′) the same, not counting news from policies whose rules we hold at confidence C
 *       (no goal: it shows how much of (a) rests on them);
 *   (b) questions until no verdict is open that the persona's facts can close
 *       — goal: median ≤ 50 % of the questionnaire;
 *   and, for honesty, the questions until nextQuestion has nothing left
 *   (the skipped questions at the tail included).
 * Then the same per topic content declares (topics.yaml): only what those need.
 */
import path from 'node:path';
import { readCatalogue } from '../catalogue/read-content';
import { runAdaptiveLoop, type AdaptiveRun } from '../rules/adaptive-loop';
import type { Catalogue } from '../rules/catalogue';
import { compileCatalogue } from '../rules/compile-catalogue';
import { settlingFact } from '../rules/not-needed';
import { median, PERSONAS_DIR, readPersonas, type Persona } from './support/personas';

export { median };

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function pad(value: unknown, width: number): string {
  const text = String(value);
  return text + ' '.repeat(Math.max(0, width - text.length));
}

function row(cells: unknown[], widths: number[]): string {
  return cells.map((cell, i) => pad(cell, widths[i]!)).join('  ');
}

/** Facts the scope's policies (and what they reference) can ask about, with the facts that make them unnecessary. */
function scopeFacts(catalogue: Catalogue, asOf: string, policies: string[]): Set<string> {
  const compiled = compileCatalogue(catalogue, asOf);
  const facts = new Set<string>(['region']);
  const visit = (id: string, seen: Set<string>): void => {
    const policy = compiled.byId.get(id);
    if (!policy || seen.has(id)) return;
    seen.add(id);
    policy.facts.forEach((f) => facts.add(f));
    const settling = settlingFact(policy.policy);
    if (settling) facts.add(settling);
    policy.references.forEach((r) => visit(r, seen));
  };
  policies.forEach((id) => visit(id, new Set()));
  return facts;
}

function fullRuns(catalogue: Catalogue, personas: Persona[]): AdaptiveRun[] {
  const widths = [18, 6, 6, 6, 6, 6, 10, 8];
  console.log('Whole catalogue');
  console.log(row(['persona', '(a)', '(a′)', '(b)', 'end', 'full', '(b)/full', 'skipped'], widths));
  const runs = personas.map((persona) => {
    const run = runAdaptiveLoop(catalogue, persona.answers, persona.as_of);
    const skipped = run.asked.filter((q) => !q.answered).length;
    const ratio = `${Math.round((100 * run.toSettled) / run.questionnaire)}%`;
    console.log(
      row(
        [
          persona.name,
          run.toFirstEligible ?? '—',
          run.toFirstSureNews ?? '—',
          run.toSettled,
          run.toNoOpen,
          run.questionnaire,
          ratio,
          skipped,
        ],
        widths,
      ),
    );
    if (!run.settled) console.log(`  ! ${persona.name}: a verdict the persona's facts decide was left open`);
    console.log(`  asked: ${run.asked.map((q) => (q.answered ? q.fact : `${q.fact}?`)).join(' ')}`);
    return run;
  });
  return runs;
}

function topicRuns(catalogue: Catalogue, topics: readonly string[], personas: Persona[]): boolean {
  const widths = [8, 18, 6, 6, 6, 6, 12];
  let allInScope = true;
  console.log('\nBy topic (nextQuestion limited to the policies tagged with the topic)');
  console.log(row(['topic', 'persona', '(a)', '(b)', 'end', 'full', 'in scope'], widths));
  for (const topic of topics) {
    const policies = catalogue.policies.filter((p) => p.topics.includes(topic)).map((p) => p.id);
    for (const persona of personas) {
      const run = runAdaptiveLoop(catalogue, persona.answers, persona.as_of, { policies });
      const allowed = scopeFacts(catalogue, persona.as_of, policies);
      const outside = run.asked.filter((q) => !allowed.has(q.fact)).map((q) => q.fact);
      allInScope &&= outside.length === 0;
      const inScope = outside.length === 0 ? 'yes' : `NO: ${outside.join(',')}`;
      console.log(
        row(
          [topic, persona.name, run.toFirstEligible ?? '—', run.toSettled, run.toNoOpen, run.questionnaire, inScope],
          widths,
        ),
      );
    }
    console.log(`  ${topic}: ${policies.join(', ')}`);
  }
  return allInScope;
}

function main(): void {
  const dir = option('dir') ?? PERSONAS_DIR;
  const { catalogue, topics } = readCatalogue(path.resolve(__dirname, '../content'));
  const personas = readPersonas(dir).map((p) => ({ ...p, as_of: option('as-of') ?? String(p.as_of) }));
  const runs = fullRuns(catalogue, personas);

  // A persona that qualifies for nothing never gets an eligible verdict: it counts as "never" (∞).
  const firstEligible = median(runs.map((r) => r.toFirstEligible ?? Infinity));
  const firstSure = median(runs.map((r) => r.toFirstSureNews ?? Infinity));
  const settledShare = median(runs.map((r) => r.toSettled / r.questionnaire));
  const endShare = median(runs.map((r) => r.toNoOpen / r.questionnaire));
  console.log('\nMedians vs goals');
  console.log(
    `  (a) questions to the first good news (eligible, or met on every encoded condition): ${firstEligible} (goal ≤ 5) ${firstEligible <= 5 ? 'OK' : 'MISSED'}`,
  );
  console.log(`  (a′) the same, not counting policies whose rules we hold at confidence C: ${firstSure}`);
  console.log(
    `  (b) questions until no verdict the persona can close is open: ${Math.round(settledShare * 100)}% of the questionnaire (goal ≤ 50%) ${settledShare <= 0.5 ? 'OK' : 'MISSED'}`,
  );
  console.log(`      until nextQuestion has nothing left (skips included): ${Math.round(endShare * 100)}%`);

  const inScope = topicRuns(catalogue, topics, personas);
  console.log(`\nTopic runs asked only what their policies need: ${inScope ? 'yes' : 'NO'}`);
  if (runs.some((r) => !r.settled) || !inScope) process.exitCode = 1;
}

main();
