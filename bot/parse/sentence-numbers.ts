/**
 * The numbers in one clause of a founder's sentence, each read as the fact
 * its unit and the words around it say ("营收6000万" → annual_revenue_wan 6000,
 * "研发投入占营收4.5%" → rd_expense_ratio 4.5). Bounds ("超过100人") and dates
 * are skipped; ranges and bare decimals for a share go to `doubt`. Part of
 * extract-facts.ts, which reads the rest of the sentence.
 */
import type { FactValue } from '../../rules/catalogue';
import { parseNumeral } from './chinese-number';
import type { UnsureReason } from './extract-facts';

/** Where the readings go (extract-facts.ts's collector). */
export interface FactSink {
  readonly facts: Readonly<Record<string, FactValue>>;
  set(fact: string, value: FactValue, said: string): void;
  add(fact: string, value: number, said: string): void;
  doubt(fact: string, reason: UnsureReason, said: string, value?: FactValue): void;
}

const NUMBER = /[0-9.零〇一二两三四五六七八九十百千万亿]+/g;

interface Found {
  value: number;
  text: string;
  /** The clause since the previous number (or its start). */
  before: string;
  /** The clause up to the next number (or its end). */
  after: string;
}

function numbersIn(clause: string): Found[] {
  const matches = [...clause.matchAll(NUMBER)].filter((m) => /[0-9一二两三四五六七八九十]/.test(m[0]));
  const found: Found[] = [];
  matches.forEach((match, i) => {
    const text = match[0].replace(/^\.+|\.+$/g, '');
    const value = parseNumeral(text);
    if (value === null) return;
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const previous = matches[i - 1];
    const next = matches[i + 1];
    found.push({
      value,
      text,
      before: clause.slice(previous ? (previous.index ?? 0) + previous[0].length : 0, start),
      after: clause.slice(end, next?.index ?? clause.length),
    });
  });
  return found;
}

const BOUND_BEFORE =
  /(不到|不足|没满|未满|不满|少于|低于|小于|超过|多于|高于|大于|至少|不少于|不低于|不超过|不高于|最多|至多|将近|接近|近)\s*$/;
const BOUND_AFTER = /^\s*(多|余|来)?(个)?(万元|万|亿|元|人|名|%|％|个月|年|月)?\s*(以上|以下|以内|出头|不到)/;
const RANGE_BETWEEN = /^\s*(-|–|—|~|～|到|至)\s*$/;

function moneyFact(context: string): string | null {
  if (/估值|注册资本/.test(context)) return null;
  if (/研发/.test(context)) return /(近两年|两年|近2年|2年)/.test(context) ? 'rd_expense_2y_wan' : 'rd_expense_wan';
  if (/(营收|营业收入|收入|销售额|营业额|销售|流水|产值)/.test(context)) return 'annual_revenue_wan';
  if (/资产/.test(context)) return 'total_assets_wan';
  if (/(首轮|天使轮|第一轮|种子轮)/.test(context)) return 'first_round_wan';
  if (/(融资|融了|投资)/.test(context)) return 'funding_raised_wan';
  return null;
}

function shareFact(context: string): string | null {
  if (/(研发|技术|科技)(人员|人)/.test(context)) return 'tech_staff_ratio';
  if (/研发/.test(context) && /成本/.test(context)) return 'rd_cost_ratio';
  if (/研发/.test(context)) return 'rd_expense_ratio';
  if (/(高新|高企|高技术).{0,8}收入|高新技术产品/.test(context)) return 'high_tech_income_ratio';
  if (/(持股|占股|股权|股份)/.test(context)) return 'founder_equity_pct';
  if (/主营/.test(context)) return 'main_business_ratio';
  if (/负债/.test(context)) return 'debt_ratio';
  return null;
}

function durationFact(context: string): string | null {
  if (/社保/.test(context)) return 'founder_social_insurance_months';
  if (/(细分|深耕|这个领域|该领域|这个市场)/.test(context)) return 'niche_market_months';
  if (/(在公司|全职|任职)/.test(context)) return 'founder_months_at_company';
  if (/(成立|注册|创办|创立|开了|开公司)/.test(context)) return 'company_age_months';
  return null;
}

type Reading = { fact: string; value: number; unsure?: UnsureReason } | { people: number } | null;

function moneyWan(found: Found): number | null {
  if (/[万亿]/.test(found.text)) return found.value / 1e4;
  if (/^\s*(元|块)/.test(found.after)) return found.value / 1e4;
  if (/^\s*w(?![a-z])/i.test(found.after)) return found.value;
  return null;
}

/** What one number is, from its unit and the words around it. */
function readNumber(found: Found, clause: string, context: string): Reading {
  const round = (value: number) => Math.round(value * 1e4) / 1e4;
  const money = moneyWan(found);
  if (money !== null) {
    const fact = moneyFact(context);
    return fact ? { fact, value: round(money) } : null;
  }
  if (/^\s*(%|％)/.test(found.after)) {
    const fact = shareFact(context);
    return fact ? { fact, value: round(found.value) } : null;
  }
  if (/^成/.test(found.after) && found.value <= 10) {
    const fact = shareFact(context);
    return fact ? { fact, value: found.value * 10 } : null;
  }
  if (/^\s*(个)?(月|年)/.test(found.after) && !/^\s*(个)?(月|年)前/.test(found.after) && found.value < 100) {
    const fact = durationFact(clause);
    if (!fact) return null;
    const years = /^\s*(个)?年/.test(found.after);
    const half = /^\s*(个)?(年|月)半/.test(found.after) ? 0.5 : 0;
    return { fact, value: Math.round((found.value + half) * (years ? 12 : 1)) };
  }
  if (/^\s*(个)?(合伙人|联合创始人|创始人)/.test(found.after)) return { fact: 'team_core_members', value: found.value };
  // "15个人", or the people named first and counted after: "员工15个", "研发人员6个".
  const people =
    /^\s*(个|名|位)?(人|员工|职工|雇员|同事)/.test(found.after) ||
    (/^\s*(个|名|位)\s*$/.test(found.after) && /(员工|职工|人员|同事)\s*$/.test(found.before));
  if (people && !/(博士|硕士)/.test(found.after)) {
    if (/(研发|技术|科技)(人员|人)?\s*$/.test(found.before)) return { fact: 'tech_staff_count', value: found.value };
    if (/(核心|合伙人|团队成员|创始团队)/.test(found.before)) return { fact: 'team_core_members', value: found.value };
    return { people: found.value };
  }
  if (/^\s*(项|件|个)?\s*(发明)/.test(found.after) || /发明专利\s*$/.test(found.before)) {
    return { fact: 'class1_ip_count', value: found.value };
  }
  if (
    /^\s*(项|件|个)?\s*(实用新型|外观|软著|软件著作|著作权|布图)/.test(found.after) ||
    /(软著|实用新型)\s*$/.test(found.before)
  ) {
    return { fact: 'class2_ip_count', value: found.value };
  }
  // A bare decimal in a share's context: "研发占比0.045" is probably 4.5 %, to confirm.
  const share = /(占比|比例|占)\s*$/.test(found.before) ? shareFact(context) : null;
  if (share) {
    return found.value < 1 && found.text.includes('.')
      ? { fact: share, value: round(found.value * 100), unsure: 'decimal_percent' }
      : { fact: share, value: round(found.value) };
  }
  return null;
}

/**
 * Reads the clause's numbers into `out`; a head count without a word saying
 * whose ("80个人") goes to `people`, a count of R&D staff to `techStaff`: the
 * caller decides them once the whole message is read.
 */
export function readNumbers(clause: string, out: FactSink, people: number[], techStaff: number[]): void {
  const numbers = numbersIn(clause);
  let context = '';
  for (let i = 0; i < numbers.length; i += 1) {
    const found = numbers[i]!;
    context += found.before;
    const next = numbers[i + 1];
    if (/^(19|20)\d{2}$/.test(found.text) && /^\s*(年|[-/.])/.test(found.after)) {
      // A date ("2023年3月"), read by readAge: neither number is a quantity.
      if (next && /^\s*月/.test(next.after)) i += 1;
      continue;
    }
    if (/(今年|去年|前年)\s*$/.test(found.before) && /^\s*月/.test(found.after)) continue; // "去年5月", read by readAge
    if (next && RANGE_BETWEEN.test(found.after)) {
      // "50-60人", "3000到4000万": a range is asked again as one number.
      const reading = readNumber({ ...next, before: found.before }, clause, context);
      const fact =
        reading &&
        ('fact' in reading ? reading.fact : out.facts.company_registered === false ? 'team_core_members' : 'employees');
      if (fact)
        out.doubt(
          fact === 'tech_staff_count' ? 'tech_staff_ratio' : fact,
          'range',
          `${found.text}${found.after}${next.text}`,
        );
      i += 1;
      continue;
    }
    // "超过100人", "3000万以上": a bound, not the amount (asked again as a number).
    if (BOUND_BEFORE.test(found.before) || BOUND_AFTER.test(found.after)) continue;
    let reading = readNumber(found, clause, context);
    if (reading && 'fact' in reading && next && /^\s*年零?$/.test(found.after) && /^\s*个?月/.test(next.after)) {
      // "2年3个月": one duration in two numbers.
      reading = { ...reading, value: reading.value + Math.round(next.value) };
      i += 1;
    }
    if (!reading) continue;
    if ('people' in reading) people.push(reading.people);
    else if (reading.fact === 'tech_staff_count') techStaff.push(reading.value);
    else if (reading.unsure) out.doubt(reading.fact, reading.unsure, found.text, reading.value);
    else if (reading.fact === 'class1_ip_count' || reading.fact === 'class2_ip_count')
      out.add(reading.fact, reading.value, clause);
    else out.set(reading.fact, reading.value, clause);
  }
}
