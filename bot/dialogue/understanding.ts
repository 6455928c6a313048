/**
 * What one chat message says: the answer to the question asked, and every
 * other fact the founder put in the same sentence ("是，14个月前在浦东注册的，
 * 做生物医药，12个人"). Values the parsers are unsure of come back as `doubt`
 * (about the question asked: confirmed before anything is stored) or
 * `unsure` (about other facts: not stored, asked in their turn).
 */
import type { FactDefinition, FactValue } from '../../rules/catalogue';
import { formatValue } from '../../rules/format-value';
import { text } from '../messages';
import { doubtfulAnswer, parseAnswer } from '../parse/answer';
import { extractFacts, type UnsureValue } from '../parse/extract-facts';
import type { DialogueContext } from './context';

export interface Understood {
  /** Facts to store, the question's own answer first. */
  values: Record<string, FactValue>;
  unsure: UnsureValue[];
  /** The answer to the question asked, read but not sure enough to store. */
  doubt: UnsureValue | null;
}

const FIRST_CLAUSE = /^[^，,。；;！!？?\n]*[，,。；;！!？?\n]+/;

export function understand(ctx: DialogueContext, said: string, current: FactDefinition | null): Understood {
  const facts = ctx.ports.catalogue().facts;
  const today = ctx.ports.today();
  if (current) {
    const doubt = doubtfulAnswer(current, said, today);
    if (doubt) return { values: {}, unsure: [], doubt };
    const direct = parseAnswer(current, said, today);
    if (direct !== null) {
      // The first clause answered the question ("是，…"); the rest may say more.
      const rest = FIRST_CLAUSE.test(said) ? said.replace(FIRST_CLAUSE, '') : '';
      const more = rest ? extractFacts(rest, facts, today, { [current.fact]: direct }) : { facts: {}, unsure: [] };
      const values: Record<string, FactValue> = { [current.fact]: direct };
      for (const [fact, value] of Object.entries(more.facts)) if (fact !== current.fact) values[fact] = value;
      return { values, unsure: more.unsure.filter((u) => u.fact !== current.fact), doubt: null };
    }
  }
  const all = extractFacts(said, facts, today);
  const doubt = current ? (all.unsure.find((u) => u.fact === current.fact) ?? null) : null;
  const values: Record<string, FactValue> = {};
  if (current && all.facts[current.fact] !== undefined) values[current.fact] = all.facts[current.fact]!;
  Object.assign(values, all.facts);
  return { values, unsure: all.unsure.filter((u) => u !== doubt), doubt };
}

/** "记下了：员工 80 人、营收 6000 万元…": only when the message said more than the one answer asked for. */
export function understoodLine(
  ctx: DialogueContext,
  values: Record<string, FactValue>,
  asked: string | null,
): string[] {
  const facts = ctx.ports.catalogue().facts;
  const others = Object.keys(values).filter((fact) => fact !== asked);
  if (others.length === 0) return [];
  const items = Object.entries(values).map(
    ([fact, value]) => `${facts[fact]?.label ?? fact} ${formatValue(facts[fact], value)}`,
  );
  // The hint names a number the founder typed, the likeliest slip ("修改 职工人数").
  const example = others.find((fact) => typeof values[fact] === 'number') ?? others[0]!;
  return [text.understood(items, facts[example]?.label ?? example)];
}

/** What to say about a doubtful answer to the question asked, and the value to confirm (if any). */
export function doubtReply(ctx: DialogueContext, doubt: UnsureValue): { reply: string; confirm: FactValue | null } {
  const definition = ctx.ports.catalogue().facts[doubt.fact];
  const shown = doubt.value !== undefined ? formatValue(definition, doubt.value) : '';
  switch (doubt.reason) {
    case 'decimal_percent':
      return { reply: text.confirmDecimal(doubt.said, shown), confirm: doubt.value ?? null };
    case 'upper_bound':
      return { reply: text.confirmUpperBound(doubt.said, shown), confirm: doubt.value ?? null };
    case 'year_only':
      return { reply: text.monthPlease(Number(doubt.said.slice(0, 4))), confirm: null };
    case 'range':
      return { reply: text.rangeNotOne, confirm: null };
    case 'conflict':
      return { reply: text.conflictPlease, confirm: null };
  }
}
