/**
 * Incubators that fit a founder: same district, same industry, right stage,
 * same region, with a small bonus for the carrier's level. Filters passed
 * explicitly ("浦东的人工智能孵化器") are hard; what the answers say is a
 * preference. Each match says why, in Chinese.
 */
import type { Answers, FactDefinition, Incubator, IncubatorLevel } from './catalogue';
import { messages } from './messages';
import type { IncubatorMatch } from './results';

export interface IncubatorOptions {
  district?: string;
  industry?: string;
  stage?: string;
  /** How many matches to return (default 5). */
  limit?: number;
  /** Fact definitions, for the Chinese labels of districts, industries and stages. */
  facts?: Readonly<Record<string, FactDefinition>>;
}

const POINTS = { district: 3, industry: 3, stage: 2, region: 1 };

/** National and flagship programmes carry more services and money; a small bonus, never decisive. */
const LEVEL_BONUS: Record<IncubatorLevel, number> = {
  国家级: 1,
  浦东高峰: 0.8,
  市级: 0.7,
  大学科技园: 0.6,
  概念验证中心: 0.5,
  浦东高原: 0.5,
  区级: 0.3,
  孵化基地: 0.3,
  众创空间: 0.3,
};

function label(options: IncubatorOptions, fact: string, value: string, fallback: Record<string, string>): string {
  return options.facts?.[fact]?.options?.find((o) => o.value === value)?.label ?? fallback[value] ?? value;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function rankIncubators(
  answers: Answers,
  incubators: readonly Incubator[],
  options: IncubatorOptions = {},
): IncubatorMatch[] {
  const district = options.district ?? text(answers.district);
  const industry = options.industry ?? text(answers.industry);
  const stage = options.stage ?? text(answers.stage);
  const region = text(answers.region) ?? (district ? 'shanghai' : undefined);
  const matches: IncubatorMatch[] = [];
  for (const incubator of incubators) {
    if (options.district && incubator.district !== options.district) continue;
    // A generalist carrier (no industries listed) welcomes every industry.
    if (options.industry && incubator.industries.length > 0 && !incubator.industries.includes(options.industry))
      continue;
    if (region && incubator.region !== region) continue;
    let score = 0;
    const reasons: string[] = [];
    if (district && incubator.district === district) {
      score += POINTS.district;
      reasons.push(messages.sameDistrict(label(options, 'district', district, messages.districtNames)));
    } else if (region) {
      score += POINTS.region;
      reasons.push(messages.sameRegion(messages.regionNames[region] ?? region));
    }
    if (industry && incubator.industries.includes(industry)) {
      score += POINTS.industry;
      reasons.push(messages.industryMatch(label(options, 'industry', industry, messages.industryNames)));
    }
    if (stage && incubator.stages.includes(stage)) {
      score += POINTS.stage;
      reasons.push(messages.stageMatch(label(options, 'stage', stage, messages.stageNames)));
    }
    score += LEVEL_BONUS[incubator.level] ?? 0;
    reasons.push(messages.levelBonus(incubator.level));
    matches.push({ incubator, score: Math.round(score * 10) / 10, reasons });
  }
  matches.sort((a, b) => b.score - a.score || a.incubator.name.localeCompare(b.incubator.name, 'zh'));
  return matches.slice(0, options.limit ?? 5);
}
