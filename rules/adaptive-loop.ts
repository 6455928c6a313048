/**
 * The adaptive assessment as a pure loop: ask nextQuestion, take the
 * founder's answer if they know it (skip it otherwise), until nothing can
 * change a verdict. Counts what the questions-to-verdict report and the bot
 * report: questions until the first eligible verdict, questions until no
 * verdict is open, against the full questionnaire.
 */
import type { Answers, Catalogue, FactValue, IsoDate } from './catalogue';
import { compileCatalogue } from './compile-catalogue';
import { impliedFacts } from './answers';
import { isFact } from './fact-lookup';
import { evaluate } from './evaluate';
import { nextQuestion } from './next-question';
import { isGoodNews, type Evaluation } from './results';

export interface AdaptiveOptions {
  /** Limit to these policies (a topic). */
  policies?: readonly string[];
  /** Safety stop; the loop normally ends long before. */
  maxQuestions?: number;
}

export interface AdaptiveRun {
  /** Facts asked, in order, and whether the founder knew the answer. */
  asked: { fact: string; answered: boolean }[];
  /** Questions until the first eligible verdict (0 = known before any question); null if none came. */
  toFirstEligible: number | null;
  /**
   * The same, counting only good news that does not rest on rules we hold at
   * confidence C (a grade-C policy met on every encoded condition is good news,
   * but the founder cannot lean on it as on the others).
   */
  toFirstSureNews: number | null;
  /**
   * Questions until every verdict the founder's answers can decide is decided
   * (the statuses equal those of an evaluation with everything the founder
   * knows). Verdicts that hang on facts the founder cannot answer stay open
   * whatever is asked, so they do not count.
   */
  toSettled: number;
  /** False when some verdict the founder could decide was never reached (a bug in nextQuestion). */
  settled: boolean;
  /** Questions until nextQuestion had nothing left to ask (includes the skipped ones at the end). */
  toNoOpen: number;
  /** Length of the full questionnaire for the same scope. */
  questionnaire: number;
  /** Policies still `maybe` at the end (only facts the founder could not answer are missing). */
  stillOpen: string[];
  answers: Answers;
  skipped: string[];
  evaluation: Evaluation;
}

/** Every fact the scope's policies (and what they reference) mention; the whole vocabulary without a scope. */
export function questionnaireLength(catalogue: Catalogue, asOf: IsoDate, policies?: readonly string[]): number {
  if (!policies || policies.length === 0) return Object.keys(catalogue.facts).length;
  const compiled = compileCatalogue(catalogue, asOf);
  const facts = new Set<string>();
  const seen = new Set<string>();
  const visit = (id: string): void => {
    const policy = compiled.byId.get(id);
    if (!policy || seen.has(id)) return;
    seen.add(id);
    policy.facts.forEach((f) => facts.add(f));
    policy.references.forEach(visit);
  };
  policies.forEach(visit);
  return [...facts].filter((f) => f in catalogue.facts).length;
}

function hasEligible(evaluation: Evaluation): boolean {
  return evaluation.results.some((r) => isGoodNews(r));
}

/** Good news from a policy whose version in force we do not hold at confidence C. */
function hasSureNews(evaluation: Evaluation, unsure: ReadonlySet<string>): boolean {
  return evaluation.results.some((r) => isGoodNews(r) && !unsure.has(r.policy));
}

/**
 * Whether `current` already has every verdict of `everything` (the evaluation
 * with all the founder knows). Policies the founder does not need (a hukou
 * they have, a certificate they hold) are not open questions, so they are left out.
 */
function sameStatuses(current: Evaluation, everything: Evaluation): boolean {
  const statuses = new Map(current.results.map((r) => [r.policy, r.status]));
  return everything.results.every((r) => r.notNeeded !== undefined || statuses.get(r.policy) === r.status);
}

export function runAdaptiveLoop(
  catalogue: Catalogue,
  known: Answers,
  asOf: IsoDate,
  options: AdaptiveOptions = {},
): AdaptiveRun {
  const scope = options.policies && options.policies.length > 0 ? { policies: options.policies } : {};
  const limit = options.maxQuestions ?? Object.keys(catalogue.facts).length + 1;
  const answers: Record<string, FactValue> = {};
  const skipped: string[] = [];
  const asked: AdaptiveRun['asked'] = [];
  const given = Object.fromEntries(Object.entries(known).filter(([fact]) => isFact(catalogue, fact)));
  // A founder knows what follows from what they know: one who knows their district
  // can say the company is in Shanghai.
  const usable: Answers = { ...impliedFacts(catalogue, given), ...given };
  const everything = evaluate(catalogue, usable, asOf, scope);
  let evaluation = evaluate(catalogue, answers, asOf, scope);
  let toFirstEligible: number | null = hasEligible(evaluation) ? 0 : null;
  const unsure = new Set(
    compileCatalogue(catalogue, asOf)
      .policies.filter((p) => p.version.confidence === 'C')
      .map((p) => p.policy.id),
  );
  let toFirstSureNews: number | null = hasSureNews(evaluation, unsure) ? 0 : null;
  let toSettled: number | null = sameStatuses(evaluation, everything) ? 0 : null;
  while (asked.length < limit) {
    const question = nextQuestion(catalogue, answers, asOf, { ...scope, skipped });
    if (!question) break;
    const value = usable[question.fact];
    if (value === undefined) skipped.push(question.fact);
    else answers[question.fact] = value;
    asked.push({ fact: question.fact, answered: value !== undefined });
    evaluation = evaluate(catalogue, answers, asOf, scope);
    if (toFirstEligible === null && hasEligible(evaluation)) toFirstEligible = asked.length;
    if (toFirstSureNews === null && hasSureNews(evaluation, unsure)) toFirstSureNews = asked.length;
    if (toSettled === null && sameStatuses(evaluation, everything)) toSettled = asked.length;
  }
  return {
    asked,
    toFirstEligible,
    toFirstSureNews,
    toSettled: toSettled ?? asked.length,
    settled: toSettled !== null,
    toNoOpen: asked.length,
    questionnaire: questionnaireLength(catalogue, asOf, options.policies),
    stillOpen: evaluation.results.filter((r) => r.status === 'maybe' && !r.notNeeded).map((r) => r.policy),
    answers,
    skipped,
    evaluation,
  };
}
