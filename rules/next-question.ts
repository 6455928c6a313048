/**
 * nextQuestion: the unknown fact whose answer settles the most open verdicts,
 * weighted by what those policies are worth. Only facts some open verdict is
 * missing are candidates (so nothing answered, implied, moot or skipped is
 * asked); each is probed with representative answers and scored by the open
 * policies those answers would settle, plus partial credit for narrowing what
 * is still missing, divided by how hard the question is to answer.
 */
import type { Answers, Catalogue, FactDefinition, FactType, FactValue, IsoDate, Policy } from './catalogue';
import { factsImpliedBy, implicationsOf, onlySomeAnswers, REGION_FACT } from './answers';
import { appliesToRegion, type CompiledPolicy } from './compile-catalogue';
import { openSession, policiesInScope } from './evaluate';
import { notNeededReason, settlingFact } from './not-needed';
import { openNearMiss } from './near-miss';
import { probeValues } from './probe-values';
import { canStillBeMet } from './reachability';
import type { NextQuestion } from './results';
import { Session } from './session';

export interface NextQuestionOptions {
  /** Only what these policies need (a topic such as 落户 or 资金). */
  policies?: readonly string[];
  /** Facts the founder declined: they stay unknown and are never asked. */
  skipped?: readonly string[];
}

export interface RankedFact {
  fact: string;
  score: number;
  /** Titles of the failed policies whose near miss this question is asked for, when it is asked only for them. */
  nearMissOf?: string[];
}

/** Weight of a policy whose cap is unknown: as much as a cap of about 10万元. */
const UNKNOWN_CAP_WEIGHT = 2;
/** Credit for narrowing a verdict without settling it, relative to settling it. */
const PROGRESS_CREDIT = 0.35;
/** Settling a verdict as eligible is worth more: founders act on those first. */
const ELIGIBLE_BONUS = 0.5;
/**
 * Settling a verdict as "no" (or not needed) is worth less than settling it
 * at all used to be: the first questions should be the route to good news,
 * not the quickest way to rule policies out (issue 18).
 */
const SETTLED_NO_CREDIT = 0.6;
/** A policy that can no longer become eligible (a needed fact was skipped) is asked about last. */
const UNREACHABLE_FACTOR = 0.1;
/** Share of the probability a fact's default value carries. */
const DEFAULT_LIKELIHOOD = 0.9;
/** Effort of answering, by type: a tap beats looking up a ratio in the accounts. */
const COST: Record<FactType, number> = { boolean: 1, enum: 1.2, integer: 1.5, number: 1.8, percent: 1.8 };

/** Benefit weight grows with the logarithm of the cap: 50万 is worth more than 10万, not five times more. */
export function policyWeight(policy: Policy): number {
  const cap = policy.benefit.cap_yuan;
  if (cap === 'unknown') return UNKNOWN_CAP_WEIGHT;
  return 1 + Math.log10(1 + cap / 10_000);
}

interface OpenPolicy {
  compiled: CompiledPolicy;
  weight: number;
  /** Distinct missing facts, plus the settling fact (e.g. already holds the certificate). */
  facts: string[];
}

function openPolicies(session: Session, options: NextQuestionOptions, skipped: ReadonlySet<string>): OpenPolicy[] {
  const open: OpenPolicy[] = [];
  for (const compiled of policiesInScope(session, options)) {
    if (!session.isOpen(compiled)) continue;
    const facts: string[] = [];
    for (const fact of session.outcome(compiled.policy.id).missing) if (!facts.includes(fact)) facts.push(fact);
    const settling = settlingFact(compiled.policy);
    if (settling && session.get(settling) === undefined && !facts.includes(settling)) facts.push(settling);
    const reachable = skipped.size === 0 || canStillBeMet(session, compiled.policy.id, skipped);
    open.push({ compiled, weight: policyWeight(compiled.policy) * (reachable ? 1 : UNREACHABLE_FACTOR), facts });
  }
  return open;
}

/**
 * How likely a probe value is. Without better knowledge every probe counts
 * the same, but a fact's default is the common case by definition (most
 * founders here are in Shanghai), and so is what content says most founders
 * answer (`usually`: few hold 高企), so it carries most of the weight: a
 * question whose rare answer would settle much is not asked first of everyone.
 */
function likelihood(definition: FactDefinition, value: FactValue, probes: readonly FactValue[]): number {
  const common = definition.usually ?? definition.default;
  // A common value that is not probed (a number between the probes) says nothing about them.
  if (common === undefined || probes.length < 2 || !probes.includes(common)) return 1 / probes.length;
  return value === common ? DEFAULT_LIKELIHOOD : (1 - DEFAULT_LIKELIHOOD) / (probes.length - 1);
}

/** Distinct entries of a short list, without allocating a Set. */
function distinctCount(facts: readonly string[]): number {
  let count = 0;
  for (let i = 0; i < facts.length; i += 1) if (facts.indexOf(facts[i]!) === i) count += 1;
  return count;
}

/** Whether answering `fact` can move this verdict: the fact itself, or one it implies, is missing. */
function touches(policy: OpenPolicy, fact: string, implied: readonly string[]): boolean {
  if (policy.facts.includes(fact)) return true;
  for (const other of implied) if (policy.facts.includes(other)) return true;
  return false;
}

function scoreFact(session: Session, open: OpenPolicy[], fact: string): number {
  const implied = factsImpliedBy(session.compiled.catalogue, fact);
  const affected: OpenPolicy[] = [];
  for (const policy of open) if (touches(policy, fact, implied)) affected.push(policy);
  const probes = probeValues(session.compiled, fact);
  if (affected.length === 0 || probes.length === 0) return 0;
  const definition = session.compiled.catalogue.facts[fact]!;
  let total = 0;
  for (const value of probes) {
    const trial = session.withAnswer(fact, value);
    let gain = 0;
    for (const { compiled, weight, facts } of affected) {
      const outcome = trial.outcome(compiled.policy.id);
      // Met on every encoded condition (capped at maybe only by what the founder must check) settles it too.
      if (outcome.truth !== 'unknown' || outcome.capped || notNeededReason(compiled.policy, trial)) {
        gain += weight * (outcome.truth === 'met' || outcome.capped ? 1 + ELIGIBLE_BONUS : SETTLED_NO_CREDIT);
      } else {
        gain += weight * PROGRESS_CREDIT * (1 - distinctCount(outcome.missing) / facts.length);
      }
    }
    total += gain * likelihood(definition, value, probes);
  }
  return total / COST[definition.type];
}

/**
 * The region is assumed (Shanghai) until said, so no verdict lists it as
 * missing; yet another answer changes which policies apply at all. While
 * nothing said settles it and another region's policies are in scope, it is
 * worth the policies whose applicability it would flip (those that would
 * drop out count too: a founder elsewhere should not see them).
 */
function regionScore(session: Session, options: NextQuestionOptions, skipped: ReadonlySet<string>): number {
  const definition = session.compiled.catalogue.facts[REGION_FACT];
  if (!definition || skipped.has(REGION_FACT) || session.isKnown(REGION_FACT)) return 0;
  const selected = options.policies && options.policies.length > 0 ? new Set(options.policies) : null;
  const inScope = session.compiled.policies.filter((p) => !selected || selected.has(p.policy.id));
  const assumed = session.get(REGION_FACT);
  // Only worth a question when the answer can bring policies in; a Shanghai-only topic does not need it.
  if (!inScope.some((p) => !appliesToRegion(p.policy, assumed))) return 0;
  const probes = probeValues(session.compiled, REGION_FACT);
  let total = 0;
  for (const value of probes) {
    const flipped = inScope.filter((p) => appliesToRegion(p.policy, value) !== appliesToRegion(p.policy, assumed));
    const gain = flipped.reduce((sum, p) => sum + policyWeight(p.policy), 0);
    total += gain * likelihood(definition, value, probes);
  }
  return total / COST[definition.type];
}

interface Candidates {
  open: OpenPolicy[];
  skipped: ReadonlySet<string>;
  facts: string[];
}

/** The facts some open verdict is missing, minus what is answered or skipped. */
function candidatesOf(session: Session, options: NextQuestionOptions): Candidates {
  const skipped = new Set(options.skipped ?? []);
  const open = openPolicies(session, options, skipped);
  const facts: string[] = [];
  for (const policy of open) {
    for (const fact of policy.facts) if (!facts.includes(fact) && askable(session, skipped, fact)) facts.push(fact);
  }
  // A fact that implies a missing one can settle it too (holding 高企 means a registered company),
  // which matters most when the founder skipped the missing fact itself.
  // (Only a particular answer: a fact implying something whatever the answer, such as a district, is asked for itself.)
  for (const { when, then } of implicationsOf(session.compiled.catalogue)) {
    if (!onlySomeAnswers(when) || facts.includes(when.fact) || !askable(session, skipped, when.fact)) continue;
    if (open.some((p) => p.facts.includes(then.fact))) facts.push(when.fact);
  }
  return { open, skipped, facts };
}

function askable(session: Session, skipped: ReadonlySet<string>, fact: string): boolean {
  return fact in session.facts && !skipped.has(fact) && !session.isKnown(fact);
}

/** The most a fact can score: every affected verdict settled as eligible. */
function ceiling(session: Session, open: OpenPolicy[], fact: string): number {
  const implied = factsImpliedBy(session.compiled.catalogue, fact);
  let weights = 0;
  for (const policy of open) if (touches(policy, fact, implied)) weights += policy.weight;
  return (weights * (1 + ELIGIBLE_BONUS)) / COST[session.compiled.catalogue.facts[fact]!.type];
}

function better(order: ReadonlyMap<string, number>, a: RankedFact, b: RankedFact): boolean {
  return a.score > b.score || (a.score === b.score && order.get(a.fact)! < order.get(b.fact)!);
}

/** Every askable fact with its score, best first (ties in vocabulary order). */
export function rankQuestions(session: Session, options: NextQuestionOptions = {}): RankedFact[] {
  const { open, skipped, facts } = candidatesOf(session, options);
  const order = session.compiled.factIndex;
  const ranked = facts.map((fact) => ({ fact, score: scoreFact(session, open, fact) }));
  const region = facts.includes(REGION_FACT) ? 0 : regionScore(session, options, skipped);
  if (region > 0) ranked.push({ fact: REGION_FACT, score: region });
  if (ranked.length === 0) {
    const near = nearMissQuestion(session, options, skipped);
    return near ? [near] : [];
  }
  return ranked.sort((a, b) => (better(order, a, b) ? -1 : better(order, b, a) ? 1 : 0));
}

/**
 * The best fact only, the same as rankQuestions()[0]: candidates are scored
 * in order of their ceiling, and scoring stops once no ceiling can beat the
 * best score found (most of the work of ranking is never needed).
 */
export function bestQuestion(session: Session, options: NextQuestionOptions = {}): RankedFact | null {
  const { open, skipped, facts } = candidatesOf(session, options);
  const order = session.compiled.factIndex;
  let best: RankedFact | null = null;
  const region = facts.includes(REGION_FACT) ? 0 : regionScore(session, options, skipped);
  if (region > 0) best = { fact: REGION_FACT, score: region };
  const bounded = facts
    .map((fact) => ({ fact, score: ceiling(session, open, fact) }))
    .sort((a, b) => b.score - a.score);
  for (const { fact, score: bound } of bounded) {
    if (best && bound < best.score) break;
    const candidate = { fact, score: scoreFact(session, open, fact) };
    if (!best || better(order, candidate, best)) best = candidate;
  }
  return best ?? nearMissQuestion(session, options, skipped);
}

/**
 * Once no open verdict needs a question: the facts a near miss still needs.
 * A policy failed on one number ("研发费用占比 4%, 需 ≥ 5%") whose other
 * conditions are not all known is asked about last, so the founder learns the
 * fix ("提高到 5% 即可申请") instead of a bare "no". Asked only after the open
 * verdicts, which keeps the common path as cheap as it was.
 */
function nearMissQuestion(
  session: Session,
  options: NextQuestionOptions,
  skipped: ReadonlySet<string>,
): RankedFact | null {
  const weights = new Map<string, number>();
  const titles = new Map<string, string[]>();
  for (const compiled of policiesInScope(session, options)) {
    const near = openNearMiss(session, compiled);
    if (!near || notNeededReason(compiled.policy, session)) continue;
    for (const fact of new Set(near.missing)) {
      if (!askable(session, skipped, fact)) continue;
      weights.set(fact, (weights.get(fact) ?? 0) + policyWeight(compiled.policy));
      titles.set(fact, [...(titles.get(fact) ?? []), compiled.policy.title]);
    }
  }
  let best: RankedFact | null = null;
  const order = session.compiled.factIndex;
  for (const [fact, score] of weights) {
    const candidate = { fact, score, nearMissOf: titles.get(fact)! };
    if (!best || better(order, candidate, best)) best = candidate;
  }
  return best;
}

export function toQuestion(definition: FactDefinition): NextQuestion {
  return {
    fact: definition.fact,
    text: definition.question,
    type: definition.type,
    why: definition.why,
    ...(definition.options ? { options: definition.options } : {}),
    ...(definition.unit ? { unit: definition.unit } : {}),
    ...(definition.example ? { example: definition.example } : {}),
    ...(definition.min !== undefined ? { min: definition.min } : {}),
    ...(definition.max !== undefined ? { max: definition.max } : {}),
  };
}

export function nextQuestion(
  catalogue: Catalogue,
  answers: Answers,
  asOf: IsoDate,
  options: NextQuestionOptions = {},
): NextQuestion | null {
  const session = openSession(catalogue, answers, asOf);
  const best = bestQuestion(session, options);
  if (!best) return null;
  const question = toQuestion(catalogue.facts[best.fact]!);
  return best.nearMissOf ? { ...question, nearMissOf: best.nearMissOf } : question;
}
