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
import { longestOptionIn } from './answer';
import { monthsAgo } from './calendar-months';
import { type FactSink, readNumbers } from './sentence-numbers';
import { normalizeDigits } from './chinese-number';

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

class Collector implements FactSink {
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

/** An option's label and aliases of two characters or more, lower case (sentences mix in "AI", "IC"). */
function terms(option: EnumOption): string[] {
  return [option.label, ...(option.aliases ?? [])].filter((term) => term.length >= 2).map((term) => term.toLowerCase());
}

/** The one option whose label or alias the clause contains (longest wins; a tie is no answer). */
function optionIn(options: readonly EnumOption[], clause: string): string | null {
  return longestOptionIn(options, clause.toLowerCase(), terms);
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
    const level = options ? optionIn(options, said) : null;
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
  const value = optionIn(options, clause);
  if (!value) return;
  // Short, common words ("材料", "生物") name an industry only when the clause says what the company does.
  const term = terms(options.find((o) => o.value === value)!).find((t) => clause.toLowerCase().includes(t))!;
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
