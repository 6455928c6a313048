/**
 * A check's replies as UTF-8 JSON, written once per check. Checks are
 * memoised by the eligibility service, so one check may be served many
 * times; most are not (every founder's profile differs), so the writing
 * itself is the cost of a cache miss: ./verdict-json writes each verdict
 * around its policy's shared, already encoded fragments instead of
 * presenting objects and stringifying them. The same JSON as
 * ./eligibility's presenters (test/api/verdict-json.test.ts).
 *
 * Buffers, not strings: a full reply is ~20 K characters of mostly Chinese
 * text, and a string body would be measured and encoded again for every
 * response (and a reply built around it copies bytes instead).
 */
import type { FactDefinition } from '../../rules/catalogue';
import type { CheckResult } from '../../services/eligibility-service';
import { presentQuestion } from './eligibility';
import { snakeJson } from './snake-case';
import { jsonBytes } from './json-bytes';
import { writeVerdict, writeVerdictSummary } from './verdict-json';

type Facts = Readonly<Record<string, FactDefinition>>;
type Evaluation = CheckResult['evaluation'];
type Result = Evaluation['results'][number];

const COMMA = Buffer.from(',');

/** Every verdict as a JSON array. */
function writeList(evaluation: Evaluation, write: (result: Result) => void): void {
  const { results } = evaluation;
  jsonBytes.text('[');
  for (let i = 0; i < results.length; i += 1) {
    if (i > 0) jsonBytes.bytes(COMMA);
    write(results[i]!);
  }
  jsonBytes.text(']');
}

/** Memoised per key object: `write` runs once per key. */
function once<K extends object>(memo: WeakMap<K, Buffer>, key: K, write: () => void): Buffer {
  let json = memo.get(key);
  if (json === undefined) memo.set(key, (json = jsonBytes.build(write)));
  return json;
}

const checks = new WeakMap<CheckResult, Buffer>();
const summaries = new WeakMap<CheckResult, Buffer>();
const results = new WeakMap<Evaluation, Buffer>();
const summaryResults = new WeakMap<Evaluation, Buffer>();

/** The stateless check's reply body (`presentCheck`). */
export function checkJson(check: CheckResult): Buffer {
  return once(checks, check, () => {
    jsonBytes.text(`{"as_of":${JSON.stringify(check.evaluation.asOf)},"results":`);
    writeList(check.evaluation, writeVerdict);
    jsonBytes.text(
      `,"next_question":${JSON.stringify(presentQuestion(check.nextQuestion))}` +
        `,"ladder":${snakeJson(check.ladder)},"benefits":${snakeJson(check.benefits)}}`,
    );
  });
}

/** The stateless check as `?view=summary` (`presentCheckSummary`). */
export function checkSummaryJson(check: CheckResult, facts: Facts): Buffer {
  return once(summaries, check, () => {
    jsonBytes.text(`{"as_of":${JSON.stringify(check.evaluation.asOf)},"view":"summary","results":`);
    writeList(check.evaluation, (result) => writeVerdictSummary(result, facts));
    jsonBytes.text(`,"next_question":${JSON.stringify(presentQuestion(check.nextQuestion))}}`);
  });
}

/** Every verdict of a check, full view: most of an assessment reply's bytes, spliced in as they are. */
export function resultsJson(evaluation: Evaluation): Buffer {
  return once(results, evaluation, () => writeList(evaluation, writeVerdict));
}

/** Every verdict of a check in the summary view (for assessment replies). */
export function summaryResultsJson(evaluation: Evaluation, facts: Facts): Buffer {
  return once(summaryResults, evaluation, () => writeList(evaluation, (result) => writeVerdictSummary(result, facts)));
}
