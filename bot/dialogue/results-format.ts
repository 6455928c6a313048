/**
 * Verdicts as chat messages, in the order a founder acts on them: what they
 * can apply for now (benefit, next deadline), what might fit and which one or
 * two facts would settle it, near misses with what to change, and where they
 * stand on the 科小 → 高企 → 专精特新 → 小巨人 ladder, and the policies with no
 * version in force on the date, with why. Each policy line carries
 * its source and the date it was verified.
 */
import { failedLeaves, type OutlineNode } from '../../rules/criteria-outline';
import { isGoodNews, type PolicyResult } from '../../rules/results';
import type { CheckResult } from '../../services/eligibility-service';
import { text } from '../messages';
import type { DialogueContext } from './context';
import { formatWindow, sourceLine } from './format';
import { formatLadder } from './ladder-format';

/** How many missing facts to name for a `maybe`: one or two is what helps. */
const MISSING_SHOWN = 2;

function block(header: string, entries: string[]): string[] {
  return entries.length > 0 ? [[header, ...entries].join('\n')] : [];
}

function eligibleEntry(result: PolicyResult, index: number): string {
  return [
    `${index}. ${result.title}`,
    `   ${text.benefit(result.benefit.description)}`,
    `   ${text.window(formatWindow(result.nextWindow))}`,
    `   ${sourceLine(result.sources, result.verifiedAt)}`,
  ].join('\n');
}

function maybeEntry(ctx: DialogueContext, result: PolicyResult, index: number): string {
  const facts = ctx.ports.catalogue().facts;
  const labels = result.missing.slice(0, MISSING_SHOWN).map((fact) => facts[fact]?.label ?? fact);
  return [
    `${index}. ${result.title}`,
    ...(labels.length > 0 ? [`   ${text.stillNeeded(labels)}`] : []),
    // Met on all we can check: why it is still only "may be" (never a bare 符合).
    ...(result.toCheck.length > 0 ? [`   ${text.toCheck(result.toCheck)}`] : []),
    `   ${text.benefit(result.benefit.description)}`,
    `   ${sourceLine(result.sources, result.verifiedAt)}`,
  ].join('\n');
}

function nearMissEntry(result: PolicyResult, index: number): string {
  const explanations = result.nearMiss.map((miss) => miss.explanation).join(text.nearMissJoin);
  return [
    `${index}. ${text.nearMiss(explanations, result.title)}`,
    `   ${sourceLine(result.sources, result.verifiedAt)}`,
  ].join('\n');
}

/**
 * Why a policy is not eligible: the conditions it failed, with the founder's
 * value against the threshold, read from the criteria tree so that a failed
 * "one of" (高企's revenue bands) names the alternative closest to passing,
 * not every band the founder is not in.
 */
export function failedReasons(result: PolicyResult, shown = FAILED_SHOWN): string[] {
  return reasonsOf(result.outline).slice(0, shown);
}

function reasonsOf(node: OutlineNode): string[] {
  if (node.status !== 'not_met') return [];
  if (!node.group) return [node.explanation];
  if (node.mode === 'all') return node.parts.flatMap(reasonsOf);
  // A failed "one of": the alternative closest to passing, under the group's own words.
  const closest = failedLeaves(node).map((leaf) => leaf.explanation);
  if (!node.label) return closest;
  return [closest.length > 0 ? `${node.label}：${closest.join('；')}` : node.label];
}

/** How many failed conditions to name per policy: the first one or two are the reason. */
const FAILED_SHOWN = 2;

function notEligibleEntry(result: PolicyResult, index: number): string {
  const reasons = failedReasons(result);
  return [`${index}. ${result.title}`, ...reasons.map((reason) => `   ${text.failed(reason)}`)].join('\n');
}

interface Grouped {
  eligible: PolicyResult[];
  /** Met on every condition we encode; the founder must check the rest (never "符合"). */
  toCheck: PolicyResult[];
  maybe: PolicyResult[];
  nearMisses: PolicyResult[];
  notEligible: PolicyResult[];
  notNeeded: PolicyResult[];
  notInForce: PolicyResult[];
}

function group(results: readonly PolicyResult[]): Grouped {
  const needed = results.filter((r) => !r.notNeeded);
  return {
    eligible: needed.filter((r) => r.status === 'eligible'),
    toCheck: needed.filter((r) => r.status === 'maybe' && isGoodNews(r)),
    maybe: needed.filter((r) => r.status === 'maybe' && !isGoodNews(r)),
    nearMisses: needed.filter((r) => r.status === 'not_eligible' && r.nearMiss.length > 0),
    notEligible: needed.filter((r) => r.status === 'not_eligible' && r.nearMiss.length === 0),
    notNeeded: results.filter((r) => r.notNeeded),
    // No version on the date: listed with the reason (its first caveat), never counted as 暂不符合.
    notInForce: needed.filter((r) => r.status === 'not_in_force'),
  };
}

function titleOf(options: { final: boolean; answered: number }): string {
  if (!options.final) return text.resultsInterim;
  return options.answered > 0 ? text.resultsTitle(options.answered) : text.resultsReady;
}

/** Short lines for the summary: a benefit's first clause, not its whole description. */
const BENEFIT_SHOWN = 32;

function shortBenefit(description: string): string {
  const first = description.split(/[；;。]/)[0] ?? description;
  return first.length > BENEFIT_SHOWN ? `${first.slice(0, BENEFIT_SHOWN)}…` : first;
}

/** Caps per block in the summary, so that one reply stays within three short WeChat messages. */
const SUMMARY = { eligible: 3, toCheck: 2, nearMisses: 2, notEligible: 2, maybe: 2 };

/**
 * The results a founder reads first (issue 18: at most 3 messages, ~600
 * characters): what they can apply for, what meets every condition we can
 * check, near misses with the fix, and why the rest is "no" when that is one
 * or two policies; everything else as one line saying how to see it ("详细").
 */
export function formatResults(
  ctx: DialogueContext,
  result: CheckResult,
  options: { final: boolean; answered: number; detailed?: boolean },
): string[] {
  if (options.detailed) return formatDetailedResults(ctx, result, options);
  const g = group(result.evaluation.results);
  let counter = 0;
  const number = () => (counter += 1);
  const first = [
    titleOf(options),
    ...block(
      text.eligibleHeader,
      g.eligible
        .slice(0, SUMMARY.eligible)
        .map((r) =>
          text.shortEntry(
            number(),
            r.title,
            shortBenefit(r.benefit.description),
            formatWindow(r.nextWindow, { withNote: false }),
          ),
        ),
    ),
    ...block(
      text.goodNewsToCheckHeader,
      g.toCheck.slice(0, SUMMARY.toCheck).map((r) => text.shortToCheck(number(), r.title, r.toCheck.length)),
    ),
  ];
  const second = [
    ...block(
      text.nearMissHeader,
      g.nearMisses
        .slice(0, SUMMARY.nearMisses)
        .map(
          (r) => `${number()}. ${text.nearMiss(r.nearMiss.map((m) => m.explanation).join(text.nearMissJoin), r.title)}`,
        ),
    ),
    ...(g.notEligible.length <= SUMMARY.notEligible
      ? block(
          text.notEligibleHeader,
          g.notEligible.map((r) => notEligibleEntry(r, number())),
        )
      : []),
  ];
  // Nothing to apply for or nearly: the open ones are the news, with what each still needs.
  const maybeShown = counter === 0 ? g.maybe.slice(0, SUMMARY.maybe) : [];
  if (maybeShown.length > 0)
    first.push(
      ...block(
        text.maybeHeader,
        maybeShown.map((r) => shortMaybe(ctx, r, number())),
      ),
    );
  const hidden = {
    eligible: Math.max(0, g.eligible.length - SUMMARY.eligible) + Math.max(0, g.toCheck.length - SUMMARY.toCheck),
    maybe: g.maybe.length - maybeShown.length,
    nearMisses: Math.max(0, g.nearMisses.length - SUMMARY.nearMisses),
    notEligible: g.notEligible.length > SUMMARY.notEligible ? g.notEligible.length : 0,
  };
  const rest = text.restOfResults(hidden);
  // Trust needs the date: the oldest verification among the policies shown (sources in "详细").
  const shown = [
    ...g.eligible.slice(0, SUMMARY.eligible),
    ...g.toCheck.slice(0, SUMMARY.toCheck),
    ...g.nearMisses.slice(0, SUMMARY.nearMisses),
    ...(g.notEligible.length <= SUMMARY.notEligible ? g.notEligible : []),
    ...maybeShown,
  ];
  const oldest = shown.map((r) => r.verifiedAt).sort()[0];
  if (oldest) second.push(text.summaryVerified(oldest));
  const replies = [first.join('\n'), ...(second.length > 0 ? [second.join('\n')] : [])];
  if (counter === 0 && !rest) replies.push(text.noResults);
  replies.push([rest, text.afterResultsShort].filter(Boolean).join('\n'));
  return replies;
}

/** A "maybe" in one line: the first fact it still needs, else the first thing to check. */
function shortMaybe(ctx: DialogueContext, result: PolicyResult, index: number): string {
  const facts = ctx.ports.catalogue().facts;
  const needed = result.missing.slice(0, MISSING_SHOWN).map((fact) => facts[fact]?.label ?? fact);
  const why =
    needed.length > 0 ? text.stillNeeded(needed) : result.toCheck.length > 0 ? text.toCheck(result.toCheck) : '';
  return `${index}. ${result.title}${why ? `（${why}）` : ''}`;
}

/** "详细": every verdict with its reasons, the ladder, sources and dates. */
function formatDetailedResults(
  ctx: DialogueContext,
  result: CheckResult,
  options: { final: boolean; answered: number },
): string[] {
  const g = group(result.evaluation.results);
  let counter = 0;
  const number = () => (counter += 1);
  const replies = [
    titleOf(options),
    ...block(
      text.eligibleHeader,
      g.eligible.map((r) => eligibleEntry(r, number())),
    ),
    ...block(
      text.maybeHeader,
      [...g.toCheck, ...g.maybe].map((r) => maybeEntry(ctx, r, number())),
    ),
    ...block(
      text.nearMissHeader,
      g.nearMisses.map((r) => nearMissEntry(r, number())),
    ),
    ...block(
      text.notEligibleHeader,
      g.notEligible.map((r) => notEligibleEntry(r, number())),
    ),
    ...block(
      text.notNeededHeader,
      g.notNeeded.map((r) => text.bullet(text.labelled(r.title, r.notNeeded!))),
    ),
    ...block(
      text.notInForceHeader,
      g.notInForce.map((r) => text.bullet(text.labelled(r.title, r.caveats[0] ?? text.statusWords.not_in_force!))),
    ),
  ];
  const ladder = formatLadder(result.ladder, ctx.ports.catalogue().facts);
  if (ladder) replies.push(`${text.ladderHeader}\n${ladder}`);
  if (replies.length === 1) replies.push(text.noResults);
  replies.push(text.afterResults);
  return replies;
}
