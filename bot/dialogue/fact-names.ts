/**
 * Which fact a founder names in their own words ("修改 职工人数", "改一下研发费用"):
 * by its label first (as "我的资料" lists them), then by its question. Only one
 * clear match counts; otherwise the founder is asked to name it as listed.
 */
import type { FactDefinition } from '../../rules/catalogue';

/** Words around the name that are not part of it: "职工人数的回答" → 职工人数. */
const AROUND = /(的)?(回答|答案|那一项|这一项|一项|一下|那个|这个|填错了|错了)$/;

function unique(matches: FactDefinition[]): string | null {
  return matches.length === 1 ? matches[0]!.fact : null;
}

export function factNamed(facts: Readonly<Record<string, FactDefinition>>, said: string): string | null {
  const words = said.replace(AROUND, '').replace(/^(我的|一下)/, '');
  if (words.length < 2) return null;
  const all = Object.values(facts);
  const exact = unique(all.filter((definition) => definition.label === words));
  if (exact) return exact;
  // The longest label inside the words ("研发费用占比" over "研发费用"), or the words inside one label.
  const inside = all.filter((definition) => words.includes(definition.label));
  const longest = Math.max(0, ...inside.map((definition) => definition.label.length));
  const byLabel = unique(inside.filter((definition) => definition.label.length === longest));
  if (byLabel) return byLabel;
  return (
    unique(all.filter((definition) => definition.label.includes(words))) ??
    unique(all.filter((definition) => definition.question.includes(words)))
  );
}
