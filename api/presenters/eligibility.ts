/**
 * Engine results → the JSON of the HTTP contract (docs/api-contract.md).
 * Shared by the stateless check and the stateful assessments.
 */
import type { FactDefinition, Source } from '../../rules/catalogue';
import { failedLeaves } from '../../rules/criteria-outline';
import type { ConcreteWindow, NextQuestion, PolicyResult } from '../../rules/results';
import type { CheckResult } from '../../services/eligibility-service';
import { messages } from '../messages';
import { snakeKeys } from './snake-case';

export function sourceText(source: Source): string {
  return [source.title, source.number, source.url].filter(Boolean).join(' ');
}

function deadlineOf(window: ConcreteWindow | null): string | null {
  if (!window) return null;
  if (window.closes) return window.closes;
  return window.rolling ? messages.rollingWindow : null;
}

export function presentWindow(window: ConcreteWindow | null) {
  if (!window) return null;
  return {
    key: window.key,
    opens: window.opens ?? null,
    closes: window.closes ?? null,
    rolling: window.rolling,
    note: window.note ?? null,
  };
}

export function presentResult(result: PolicyResult) {
  return {
    policy: result.policy,
    title: result.title,
    status: result.status,
    criteria: result.criteria.map((c) => ({ fact: c.fact, status: c.status, explanation: c.explanation })),
    missing: [...result.missing],
    near_miss: result.nearMiss.map((m) => ({
      fact: m.fact,
      needed: m.needed,
      current: m.current,
      explanation: m.explanation,
    })),
    benefit: result.benefit.description,
    deadline: deadlineOf(result.nextWindow),
    sources: result.sources.map(sourceText),
    verified_at: result.verifiedAt,
    caveats: [...result.caveats],
    to_check: [...result.toCheck],
    window: presentWindow(result.nextWindow),
    not_needed: result.notNeeded ?? null,
  };
}

export function presentQuestion(question: NextQuestion | null) {
  if (!question) return null;
  return {
    fact: question.fact,
    text: question.text,
    type: question.type,
    options: (question.options ?? []).map((o) => ({ value: o.value, label: o.label })),
    unit: question.unit ?? null,
    example: question.example ?? null,
    why: question.why || null,
    min: question.min ?? null,
    max: question.max ?? null,
  };
}

// Checks are memoised by the eligibility service, so one check may be presented many times:
// what is presented is kept as JSON, once per check.
const serialisedChecks = new WeakMap<CheckResult, Buffer>();
const serialisedResults = new WeakMap<CheckResult['evaluation'], Buffer>();

/**
 * Every verdict of a check as UTF-8 JSON, serialised once per check: most of an
 * assessment reply's bytes (~20 KB, mostly Chinese). Kept as bytes so that a reply
 * built around it is copied, not measured and encoded again on every request.
 */
export function resultsJson(evaluation: CheckResult['evaluation']): Buffer {
  let json = serialisedResults.get(evaluation);
  if (json === undefined)
    serialisedResults.set(evaluation, (json = Buffer.from(JSON.stringify(evaluation.results.map(presentResult)))));
  return json;
}

function presentCheck(check: CheckResult) {
  return {
    as_of: check.evaluation.asOf,
    results: check.evaluation.results.map(presentResult),
    next_question: presentQuestion(check.nextQuestion),
    ladder: snakeKeys(check.ladder),
    benefits: snakeKeys(check.benefits),
  };
}

/**
 * The stateless check's reply body as UTF-8 JSON, serialised once per check.
 * A Buffer, not a string: the reply is ~20 KB of mostly Chinese text, and a
 * string body would be measured and encoded again for every response.
 */
export function checkJson(check: CheckResult): Buffer {
  let json = serialisedChecks.get(check);
  if (json === undefined) serialisedChecks.set(check, (json = Buffer.from(JSON.stringify(presentCheck(check)))));
  return json;
}

/** The benefit's first clause, for a list. */
function benefitLine(description: string): string {
  // Up to the first clause break outside brackets and quotes ("（…，…）" stays whole).
  let depth = 0;
  for (let i = 0; i < description.length; i += 1) {
    const c = description[i]!;
    if ('（(“「'.includes(c)) depth += 1;
    else if ('）)”」'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && '；;。，'.includes(c)) return description.slice(0, i);
  }
  return description;
}

type Facts = Readonly<Record<string, FactDefinition>>;

/** One policy as a list shows it (`?view=summary`): names, not explanations. */
export function presentSummary(result: PolicyResult, facts: Facts) {
  const label = (fact: string) => facts[fact]?.label ?? fact;
  // What a "no" failed on (a failed "one of" by its closest alternative); a "maybe" has not failed.
  const failed =
    result.status === 'not_eligible'
      ? failedLeaves(result.outline).map((leaf) => (leaf.fact in facts ? label(leaf.fact) : leaf.explanation))
      : [];
  const deadline = deadlineOf(result.nextWindow);
  // Bytes count on a phone: empty lists and an unknown deadline are left out.
  return {
    policy: result.policy,
    title: result.title,
    status: result.status,
    benefit: benefitLine(result.benefit.description),
    ...(failed.length > 0 ? { failed: [...new Set(failed)] } : {}),
    ...(result.missing.length > 0 ? { missing: result.missing.map(label) } : {}),
    ...(result.nearMiss.length > 0 ? { near_miss: result.nearMiss.map((m) => m.explanation) } : {}),
    ...(deadline !== null ? { deadline } : {}),
  };
}

const serialisedSummaries = new WeakMap<CheckResult, Buffer>();

/** The stateless check as `?view=summary`, serialised once per check like the full reply. */
export function checkSummaryJson(check: CheckResult, facts: Facts): Buffer {
  let json = serialisedSummaries.get(check);
  if (json === undefined) {
    const body = {
      as_of: check.evaluation.asOf,
      view: 'summary',
      results: check.evaluation.results.map((r) => presentSummary(r, facts)),
      next_question: presentQuestion(check.nextQuestion),
    };
    serialisedSummaries.set(check, (json = Buffer.from(JSON.stringify(body))));
  }
  return json;
}

const summaryResults = new WeakMap<CheckResult['evaluation'], Buffer>();

/** Every verdict of a check in the summary view, as UTF-8 JSON (for assessment replies). */
export function summaryResultsJson(evaluation: CheckResult['evaluation'], facts: Facts): Buffer {
  let json = summaryResults.get(evaluation);
  if (json === undefined) {
    summaryResults.set(
      evaluation,
      (json = Buffer.from(JSON.stringify(evaluation.results.map((r) => presentSummary(r, facts))))),
    );
  }
  return json;
}
