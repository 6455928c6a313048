/**
 * Every fact a founder's sentence states, in the vocabulary's units
 * (docs/facts.md): "我们公司2023年3月在浦东注册的，现在80个人，去年营收6000万，
 * 研发投入占营收4.5%，有1项发明专利" sets seven facts at once. Pure: the text
 * (already simplified), the fact definitions and today's date in, facts out.
 *
 * What a sentence only plans ("打算明年在上海注册") sets nothing. A value the
 * reader is unsure of (0.045 where a percentage is asked, 50–60人, a year
 * without its month, "前50名") is returned in `unsure`, to be confirmed with the
 * founder, never stored as a guess. A fact said twice with different values
 * is unsure too.
 */
import type { EnumOption, FactDefinition, FactValue, IsoDate } from '../../rules/catalogue';
import { monthsAgo } from './calendar-months';
import { normalizeDigits, parseNumeral } from './chinese-number';

export type UnsureReason = 'decimal_percent' | 'range' | 'year_only' | 'upper_bound' | 'conflict';

export interface UnsureValue {
  fact: string;
  reason: UnsureReason;
  /** The value the founder probably meant, to confirm ("0.045" → 4.5); absent when there is none to offer. */
  value?: FactValue;
  /** The words it was read from, to quote back. */
  said: string;
}

export interface ExtractedFacts {
  facts: Record<string, FactValue>;
  unsure: UnsureValue[];
}

type Facts = Readonly<Record<string, FactDefinition>>;

/** A clause about the future or a hypothesis states nothing about today. */
const NOT_YET_TRUE = /(打算|准备|计划|想要|想在|将要|将来|明年|以后|未来|希望|要是|如果|假如|等到|考虑)/;
/** A question about a certificate ("能申请高企吗") is not a claim to hold it. */
const ASKING = /(吗|么|能否|能不能|可不可以|可以申请|是否|申请|怎么|如何|哪些|什么)/;
const NEGATED = /(不是|没有|没|无|非|未|不在|尚未|还没)/;

const CLAUSES = /[，,。；;！!？?\n]+|\s{2,}/;

class Collector {
  readonly facts: Record<string, FactValue> = {};
  readonly unsure: UnsureValue[] = [];
  private readonly conflicted = new Set<string>();

  constructor(private readonly vocabulary: Facts) {}

  set(fact: string, value: FactValue, said: string): void {
    if (!(fact in this.vocabulary) || this.conflicted.has(fact)) return;
    const earlier = this.facts[fact];
    if (earlier === undefined || earlier === value) {
      this.facts[fact] = value;
      return;
    }
    delete this.facts[fact];
    this.conflicted.add(fact);
    this.unsure.push({ fact, reason: 'conflict', said });
  }

  /** Counts said in parts add up: "2项发明专利和1项软著" are two facts, "1项发明，2项发明" one of 3. */
  add(fact: string, value: number, said: string): void {
    const earlier = this.facts[fact];
    if (typeof earlier === 'number') this.facts[fact] = earlier + value;
    else this.set(fact, value, said);
  }

  doubt(fact: string, reason: UnsureReason, said: string, value?: FactValue): void {
    if (!(fact in this.vocabulary) || this.unsure.some((u) => u.fact === fact)) return;
    this.unsure.push({ fact, reason, said, ...(value !== undefined ? { value } : {}) });
  }
}

// ---- places -----------------------------------------------------------------

/** "上海户口", "上海社保" name a person's status, not where the company is. */
const SHANGHAI_AS_PLACE = /上海(?!户口|户籍|生源|社保|落户|人|本地人)|沪(?!籍|户)/;
const ZHEJIANG = /(浙江|县级市|县里|县城|本县)/;

function terms(option: EnumOption): string[] {
  return [option.label, ...(option.aliases ?? [])].filter((term) => term.length >= 2);
}

/** The one option whose label or alias the clause contains (longest wins; a tie is no answer). */
function optionIn(options: readonly EnumOption[], clause: string, minLength = 2): string | null {
  let best: { value: string; length: number } | null = null;
  let tie = false;
  for (const option of options) {
    for (const term of terms(option)) {
      if (term.length < minLength || !clause.toLowerCase().includes(term.toLowerCase())) continue;
      if (!best || term.length > best.length) {
        best = { value: option.value, length: term.length };
        tie = false;
      } else if (term.length === best.length && best.value !== option.value) tie = true;
    }
  }
  return best && !tie ? best.value : null;
}

function readPlaces(clause: string, out: Collector, vocabulary: Facts): void {
  const negated = /(不在|不是在|没在)/.test(clause);
  const district = vocabulary.district?.options ? optionIn(vocabulary.district.options, clause) : null;
  if (district && !negated) out.set('district', district, clause);
  if (ZHEJIANG.test(clause) && !negated) out.set('region', 'zj-county', clause);
  else if ((district || SHANGHAI_AS_PLACE.test(clause)) && !negated) out.set('region', 'shanghai', clause);
}

// ---- yes/no statements ------------------------------------------------------

const NOT_REGISTERED = /(还没|尚未|没有|没|未|还未)(有)?(正式)?(注册|成立|开公司|办执照|营业执照)/;
const REGISTERED =
  /(注册|成立|创办|创立)(了|的|于|在|时间)|(刚|已|已经)(注册|成立)|在.{1,8}(注册|成立)|公司(成立|注册)|(注册|成立)\s*[0-9一二两三四五六七八九十半]/;

function readRegistration(clause: string, out: Collector): void {
  if (NOT_REGISTERED.test(clause)) {
    out.set('company_registered', false, clause);
    return;
  }
  if (!REGISTERED.test(clause)) return;
  out.set('company_registered', true, clause);
  if (ZHEJIANG.test(clause)) out.set('registered_in_shanghai', false, clause);
  else if (SHANGHAI_AS_PLACE.test(clause) || out.facts.district !== undefined) {
    out.set('registered_in_shanghai', true, clause);
  }
}

interface Statement {
  fact: string;
  pattern: RegExp;
  /** A certificate is claimed only in a statement, never in a question about it. */
  claim?: boolean;
}

const STATEMENTS: readonly Statement[] = [
  { fact: 'founder_hukou_shanghai', pattern: /(上海|沪|本市)(户口|户籍)|沪籍/ },
  { fact: 'in_incubator', pattern: /(入驻|在|进了|进驻).{0,12}(孵化器|众创空间|科技园|孵化基地|加速器|创业园)/ },
  { fact: 'founder_fresh_graduate', pattern: /(应届|今年毕业|刚毕业)/ },
  { fact: 'is_tech_sme', pattern: /(科技型中小企业|科小)/, claim: true },
  { fact: 'is_high_tech_enterprise', pattern: /(高新技术企业|高企)(?!收入)/, claim: true },
  { fact: 'is_specialized_sme', pattern: /专精特新(?!小巨人)/, claim: true },
  { fact: 'is_innovative_sme', pattern: /创新型中小企业/, claim: true },
  { fact: 'credit_blacklisted', pattern: /(失信|黑名单)/ },
  { fact: 'major_incident_last_year', pattern: /(重大)?(安全|质量|环境)?(事故|违法)/ },
];

/** Holding a title is said with a verb of having it: "已经是高企", "拿到了科小", "有高企证书". */
const HOLDS = /(已|已经|拿到|获得|取得|通过|有|是)(了|过)?(一家|一个|个|家)?$/;
/** "在孵化器" without a negation is in; "没有入驻孵化器" is not. */
function readStatements(clause: string, out: Collector): void {
  // "入驻孵化器有什么补贴" asks about incubators; it does not say the company is in one.
  if (ASKING.test(clause)) return;
  for (const { fact, pattern, claim } of STATEMENTS) {
    const match = pattern.exec(clause);
    if (!match) continue;
    const before = clause.slice(0, match.index);
    const negated = NEGATED.test(before.slice(-6));
    if (claim) {
      if (!(HOLDS.test(before) || /(入库|证书|资质)/.test(clause))) continue;
      out.set(fact, !negated, clause);
      continue;
    }
    if (fact === 'credit_blacklisted' || fact === 'major_incident_last_year') {
      // Only the denial is common enough to read safely: "没有失信记录", "从未发生事故".
      if (/(没有|无|从未|从没|没)/.test(before) || /(没有|无)$/.test(clause)) out.set(fact, false, clause);
      continue;
    }
    if (fact === 'founder_hukou_shanghai' && /落户/.test(clause)) continue;
    out.set(fact, !negated, clause);
  }
}

// ---- the founder ------------------------------------------------------------

const ABROAD = /(海外|国外|境外|留学|美国|英国|德国|法国|日本|加拿大|澳大利亚|澳洲|新加坡|香港|欧洲|藤校)/;

/** The founder's highest degree, said as such: "我是博士", "硕士毕业", "读的博士", "学历是本科". */
const HIGHEST_DEGREE =
  /(?:我是|本人是|创始人是|最高学历是?|学历是?|读的)(博士|phd|硕士|研究生|本科|大专|专科)|(博士|phd|硕士|研究生|本科|大专|专科)(?:毕业|学历|学位)/i;

function readFounder(clause: string, out: Collector, vocabulary: Facts): void {
  const degree = HIGHEST_DEGREE.exec(clause);
  const said = degree ? (degree[1] ?? degree[2])! : null;
  if (said && !/(招|员工|团队有)/.test(clause)) {
    const options = vocabulary.founder_education?.options;
    const level = options ? optionIn(options, said, 2) : null;
    if (level) out.set('founder_education', level, clause);
  }
  // "本科是在英国读的": a degree from abroad, whichever is the highest.
  if (/(博士|phd|硕士|研究生|本科|学位)/i.test(clause) && ABROAD.test(clause) && /(读|毕业|学位|留学)/.test(clause)) {
    out.set('founder_overseas_degree', true, clause);
  }
  const rank = /(排名|排|qs|世界|全球|top)\s*(第|前)?\s*(\d+)\s*(名|位)?/i.exec(clause);
  if (rank && /(排名|qs|世界|全球|top|前)/i.test(rank[0])) {
    const value = Number(rank[3]);
    if (/(前|top)/i.test(rank[0])) out.doubt('founder_overseas_univ_rank', 'upper_bound', rank[0], value);
    else out.set('founder_overseas_univ_rank', value, clause);
  }
}

// ---- numbers ----------------------------------------------------------------

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
  if (/^\s*(个|名|位)?(人|员工|职工|雇员|同事)/.test(found.after) && !/(博士|硕士)/.test(found.after)) {
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

function readNumbers(clause: string, out: Collector, people: number[], techStaff: number[]): void {
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

function readAge(clause: string, out: Collector, today: IsoDate): void {
  if (!/(成立|注册|创办|创立|开的|开了)/.test(clause)) return;
  const ago = monthsAgo(clause, today);
  if (!ago) return;
  if ('months' in ago) out.set('company_age_months', ago.months, clause);
  else out.doubt('company_age_months', 'year_only', `${ago.yearOnly}年`);
}

function readIndustry(clause: string, out: Collector, vocabulary: Facts): void {
  const options = vocabulary.industry?.options?.filter((option) => option.value !== 'other');
  if (!options) return;
  const value = optionIn(options, clause, 2);
  if (!value) return;
  // Short, common words ("材料", "生物") name an industry only when the clause says what the company does.
  const term = terms(options.find((o) => o.value === value)!).find((t) =>
    clause.toLowerCase().includes(t.toLowerCase()),
  )!;
  if (term.length >= 3 || /^[a-z]+$/i.test(term) || /(做|从事|行业|领域|赛道|方向|搞|属于)/.test(clause)) {
    out.set('industry', value, clause);
  }
}

/** "百分之五" → "5%", so the unit sits after the number like "5%". */
function normalize(text: string): string {
  return normalizeDigits(text)
    .replace(/百分之([0-9.零一二两三四五六七八九十]+)/g, '$1%')
    .replace(/([0-9])\s*点\s*([0-9])/g, '$1.$2');
}

/** `known`: what the founder already said (the answer just given), e.g. whether a company exists yet. */
export function extractFacts(
  text: string,
  vocabulary: Facts,
  today: IsoDate,
  known: Readonly<Record<string, FactValue>> = {},
): ExtractedFacts {
  const out = new Collector(vocabulary);
  const people: number[] = [];
  const techStaff: number[] = [];
  for (const clause of normalize(text).split(CLAUSES)) {
    if (clause.length === 0 || NOT_YET_TRUE.test(clause)) continue;
    readPlaces(clause, out, vocabulary);
    readRegistration(clause, out);
    readStatements(clause, out);
    readFounder(clause, out, vocabulary);
    readAge(clause, out, today);
    readIndustry(clause, out, vocabulary);
    readNumbers(clause, out, people, techStaff);
  }
  // A company that is some months old is a registered one ("成立3年了").
  if (out.facts.company_age_months !== undefined && out.facts.company_registered === undefined) {
    out.set('company_registered', true, 'company age');
  }
  // "就我们三个人" before registering is the team; afterwards, the staff.
  const registered = out.facts.company_registered ?? known.company_registered;
  const headcount = registered === false ? 'team_core_members' : 'employees';
  for (const count of people) out.set(headcount, count, `${count}人`);
  if (techStaff.length === 1) {
    const employees = out.facts.employees;
    if (typeof employees === 'number' && employees > 0 && techStaff[0]! <= employees) {
      out.set('tech_staff_ratio', Math.round((techStaff[0]! / employees) * 1000) / 10, `${techStaff[0]}人`);
    }
  }
  return { facts: out.facts, unsure: out.unsure };
}
