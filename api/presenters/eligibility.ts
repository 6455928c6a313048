/**
 * Engine results → the JSON of the HTTP contract (docs/api-contract.md).
 * Shared by the stateless check and the stateful assessments.
 */
import type { FactDefinition } from '../../rules/catalogue';
import type { NextQuestion, PolicyResult } from '../../rules/results';
import type { CheckResult } from '../../services/eligibility-service';
import { snakeKeys } from './snake-case';
import { benefitLine, deadlineOf, presentWindow, sourceText } from './verdict-fields';

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

/**
 * The stateless check's reply as objects: the straightforward shape of the
 * contract. Requests are served by ./check-json, which writes the same JSON
 * without these objects; test/api/verdict-json.test.ts holds the two equal.
 */
export function presentCheck(check: CheckResult) {
  return {
    as_of: check.evaluation.asOf,
    results: check.evaluation.results.map(presentResult),
    next_question: presentQuestion(check.nextQuestion),
    ladder: snakeKeys(check.ladder),
    benefits: snakeKeys(check.benefits),
  };
}

type Facts = Readonly<Record<string, FactDefinition>>;

/** One policy as a list shows it (`?view=summary`): names, not explanations. */
export function presentSummary(result: PolicyResult, facts: Facts) {
  const label = (fact: string) => facts[fact]?.label ?? fact;
  // What a "no" failed on (a failed "one of" by its closest alternative); a "maybe" has not failed.
  const failed =
    result.status === 'not_eligible'
      ? result.failed.map((leaf) => (leaf.fact in facts ? label(leaf.fact) : leaf.explanation))
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

/** The stateless check as `?view=summary`, as objects (the reference of ./check-json). */
export function presentCheckSummary(check: CheckResult, facts: Facts) {
  return {
    as_of: check.evaluation.asOf,
    view: 'summary',
    results: check.evaluation.results.map((r) => presentSummary(r, facts)),
    next_question: presentQuestion(check.nextQuestion),
  };
}
