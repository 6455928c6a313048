/**
 * "推荐孵化器" with optional district and industry words ("推荐孵化器 浦东 人工智能"):
 * the words are read against the district and industry options in content,
 * the founder's own answers fill in the rest, and the rules engine ranks.
 */
import { parseEnum } from '../parse/answer';
import { text } from '../messages';
import type { DialogueContext } from './context';
import { formatValue } from '../../rules/format-value';
import { sourceLine } from './format';
import type { IncubatorFilters } from './ports';

const SHOWN = 3;

/** District and industry named in the words after the command, if any. */
export function incubatorFilters(ctx: DialogueContext, words: string): IncubatorFilters {
  const facts = ctx.ports.catalogue().facts;
  const filters: IncubatorFilters = {};
  if (words.trim().length === 0) return filters;
  const district = facts.district?.options ? parseEnum(facts.district.options, words) : null;
  const industry = facts.industry?.options ? parseEnum(facts.industry.options, words) : null;
  if (district) filters.district = district;
  if (industry) filters.industry = industry;
  return filters;
}

export async function recommendIncubators(ctx: DialogueContext, words: string): Promise<string[]> {
  const facts = ctx.ports.catalogue().facts;
  const filters = incubatorFilters(ctx, words);
  const answers = await ctx.ports.answers(ctx.founderId);
  // The words asked for outrank the founder's stored answers, for the order and the reasons.
  // Exact district and industry first; when too few fit both, the words only steer
  // the ranking, so nearby or related places still come up (with their reasons).
  const wanted = { ...answers, ...filters };
  const strict = ctx.ports.rankIncubators(wanted, filters);
  const preferred = strict.length >= SHOWN ? [] : ctx.ports.rankIncubators(wanted, {});
  const seen = new Set(strict.map((match) => match.incubator.id));
  const matches = [...strict, ...preferred.filter((match) => !seen.has(match.incubator.id))].slice(0, SHOWN);
  if (matches.length === 0) return [text.incubatorsNone];
  const named = [
    filters.district ? formatValue(facts.district, filters.district) : null,
    filters.industry ? formatValue(facts.industry, filters.industry) : null,
  ].filter((name): name is string => name !== null);
  const entries = matches.map(({ incubator, reasons }, index) => {
    const place = incubator.district ? formatValue(facts.district, incubator.district) : incubator.region;
    const lines = [`${index + 1}. ${text.paren(incubator.name, `${incubator.level}，${place}`)}`];
    if (reasons.length > 0) lines.push(`   ${text.incubatorReasons(reasons)}`);
    if (incubator.services.length > 0) lines.push(`   ${text.incubatorServices(incubator.services)}`);
    lines.push(`   ${text.incubatorAddress(incubator.address)}`);
    lines.push(`   ${sourceLine(incubator.sources, incubator.verified_at)}`);
    return lines.join('\n');
  });
  if (named.length > 0) return [text.incubatorsTitle(named), ...entries];
  // Words that named neither a district nor an industry were not silently dropped: say so.
  const unread = words.trim().length > 0 ? [text.incubatorWordsUnread(words.trim())] : [];
  return [...unread, text.incubatorsTitle(named), ...entries, text.incubatorsHint];
}
