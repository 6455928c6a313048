/**
 * Verdicts as chat messages, in the order a founder acts on them: what they
 * can apply for now (benefit, next deadline), what might fit and which one or
 * two facts would settle it, near misses with what to change, and where they
 * stand on the 科小 → 高企 → 专精特新 → 小巨人 ladder, and the policies with no
 * version in force on the date, with why. Each policy line carries
 * its source and the date it was verified.
 */
import type { PolicyResult } from '../../rules/results';
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

export function formatResults(
  ctx: DialogueContext,
  result: CheckResult,
  options: { final: boolean; answered: number },
): string[] {
  const results = result.evaluation.results;
  const eligible = results.filter((r) => r.status === 'eligible' && !r.notNeeded);
  const maybe = results.filter((r) => r.status === 'maybe' && !r.notNeeded);
  const nearMisses = results.filter((r) => r.status === 'not_eligible' && r.nearMiss.length > 0 && !r.notNeeded);
  const notNeeded = results.filter((r) => r.notNeeded);
  // No version on the date: listed with the reason (its first caveat), never counted as 暂不符合.
  const notInForce = results.filter((r) => r.status === 'not_in_force');
  const others =
    results.length - eligible.length - maybe.length - nearMisses.length - notNeeded.length - notInForce.length;

  let counter = 0;
  const number = () => (counter += 1);
  const title = options.final
    ? options.answered > 0
      ? text.resultsTitle(options.answered)
      : text.resultsReady
    : text.resultsInterim;
  const replies = [
    title,
    ...block(
      text.eligibleHeader,
      eligible.map((r) => eligibleEntry(r, number())),
    ),
    ...block(
      text.maybeHeader,
      maybe.map((r) => maybeEntry(ctx, r, number())),
    ),
    ...block(
      text.nearMissHeader,
      nearMisses.map((r) => nearMissEntry(r, number())),
    ),
    ...block(
      text.notNeededHeader,
      notNeeded.map((r) => text.bullet(text.labelled(r.title, r.notNeeded!))),
    ),
    ...block(
      text.notInForceHeader,
      notInForce.map((r) => text.bullet(text.labelled(r.title, r.caveats[0] ?? text.statusWords.not_in_force!))),
    ),
  ];
  const ladder = formatLadder(result.ladder, ctx.ports.catalogue().facts);
  if (ladder) replies.push(`${text.ladderHeader}\n${ladder}`);
  if (others > 0) replies.push(text.notEligibleCount(others));
  if (replies.length === 1) replies.push(text.noResults);
  replies.push(text.afterResults);
  return replies;
}
