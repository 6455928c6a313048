/**
 * The catalogue: everything founder-guide knows, as plain data.
 *
 * This file is the contract between `content/` (YAML, validated by the zod
 * schema in `catalogue/schema.ts`, which must produce exactly these types) and
 * the pure rules engine. Types only: no logic, no imports.
 */

/** ISO date `YYYY-MM-DD`, interpreted in Asia/Shanghai. */
export type IsoDate = string;

export type FactType = 'boolean' | 'integer' | 'number' | 'percent' | 'enum';
export type FactValue = boolean | number | string;
/** A founder's answers: fact name → value. Absent = unknown. */
export type Answers = Readonly<Record<string, FactValue>>;

/** A: read in the official text; B: reliable secondary source; C: uncertain. */
export type Confidence = 'A' | 'B' | 'C';

export interface Source {
  title: string;
  /** Document number, e.g. 国科发火〔2016〕32号. */
  number?: string;
  url?: string;
  /** A seed plan, cited by file name (docs/domain.md says which plans they are). */
  seed?: string;
}

export interface EnumOption {
  value: string;
  /** Chinese label shown to founders, e.g. 浦东新区. */
  label: string;
  /** Other words founders use for this option ("浦东", "本科"). */
  aliases?: string[];
}

/** One fact of the vocabulary (docs/facts.md) with its question. */
export interface FactDefinition {
  fact: string;
  type: FactType;
  /** Short Chinese name used in explanations: "研发费用占比". */
  label: string;
  /** The question, in Chinese, with unit and example. */
  question: string;
  unit?: string;
  example?: string;
  /** Why we ask, one short sentence. */
  why: string;
  min?: number;
  max?: number;
  options?: EnumOption[];
  /** Value assumed when the founder has not said (e.g. region → shanghai). */
  default?: FactValue;
  /** What an answer to this fact settles besides itself (rules/answers.ts); never over an answer. */
  implies?: FactImplication[];
  /**
   * How the founder's value can change, for "what would make you eligible"
   * (rules/near-miss.ts): `fixed`, a past fact no one can change (a
   * university's rank); `grows`, a duration that only grows, by waiting.
   * Absent: raised or lowered freely.
   */
  changes?: 'fixed' | 'grows';
  /**
   * The answer most founders give (few hold 高企, few have won a contest):
   * weighs the question order (rules/next-question.ts) as a default does,
   * and is never assumed in a verdict.
   */
  usually?: FactValue;
}

/**
 * "A 高企 certificate means a registered company": when the fact is answered
 * `when` (any answer, if absent), each fact of `then` takes its value. For a
 * number, `when` may compare instead ("a company under 12 months old holds
 * no 高企 certificate": `{ op: '<', value: 12 }`).
 */
export interface FactImplication {
  when?: FactValue | ComparedAnswer;
  then: Record<string, FactValue>;
}

/** A number's answer compared with a threshold, as in `implies.when`. */
export interface ComparedAnswer {
  op: '<' | '<=' | '>' | '>=';
  value: number;
}

export type ComparisonOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'in';

/** Leaf: compare a fact with a value. `in` takes a list. */
export interface FactCriterion {
  fact: string;
  op: ComparisonOp;
  value: FactValue | FactValue[];
  /** Optional Chinese wording of the condition, replacing the generated one. */
  label?: string;
}

/** Leaf: "qualifies for that policy" (evaluated on the same as-of date). */
export interface PolicyCriterion {
  policy: string;
  label?: string;
}

/** Leaf: a declared score table (see PolicyVersion.scores) compared with a number. */
export interface ScoreCriterion {
  score: string;
  op: '>=' | '>';
  value: number;
  label?: string;
}

export interface AllCriterion {
  all: Criterion[];
  label?: string;
}
export interface AnyCriterion {
  any: Criterion[];
  label?: string;
}
export interface NotCriterion {
  not: Criterion;
  label?: string;
}

export type Criterion = AllCriterion | AnyCriterion | NotCriterion | FactCriterion | PolicyCriterion | ScoreCriterion;

/** Points for a numeric fact: the band with the highest `min` ≤ value wins (lower bound inclusive). */
export interface ScoreBand {
  min: number;
  points: number;
}

/** A score component: either points from one fact's bands, or the best of several components. */
export type ScoreComponent =
  { label: string; fact: string; bands: ScoreBand[] } | { label: string; best_of: ScoreComponent[] };

/** A points table the engine sums, e.g. the 科技型中小企业 100-point evaluation. */
export interface ScoreTable {
  label: string;
  max: number;
  components: ScoreComponent[];
}

export interface PolicyVersion {
  /** Inclusive. */
  valid_from: IsoDate;
  /** Inclusive; absent = still in force. */
  valid_to?: IsoDate;
  criteria: Criterion;
  scores?: Record<string, ScoreTable>;
  /** Conditions shown to the founder but not evaluated. */
  caveats: string[];
  /**
   * Hard conditions of the rules that the criteria do not encode (as the
   * rules word them). While any is listed the verdict is at most `maybe`:
   * the founder is told to check them, never told they qualify.
   */
  unmodelled?: string[];
  sources: Source[];
  confidence: Confidence;
}

export type BenefitKind = 'cash' | 'tax' | 'voucher' | 'hukou' | 'loan' | 'equity' | 'recognition' | 'guidance';

export interface Benefit {
  kind: BenefitKind;
  /** Yuan, integer; 'unknown' when no source gives a number. */
  cap_yuan: number | 'unknown';
  /** Chinese one-liner: "研发服务合同金额最高补贴 50%，企业每年最高 50 万元". */
  description: string;
  notes?: string;
  confidence: Confidence;
}

/** When applications are accepted. Dates in Asia/Shanghai, inclusive. */
export type ApplicationWindow =
  | {
      id: string;
      kind: 'fixed';
      opens: IsoDate;
      closes: IsoDate;
      note?: string;
      confidence: Confidence;
    }
  | {
      id: string;
      kind: 'yearly';
      /** `MM-DD`. */
      opens: string;
      /** `MM-DD`. */
      closes: string;
      from_year: number;
      to_year?: number;
      note?: string;
      confidence: Confidence;
    }
  | { id: string; kind: 'rolling'; note?: string; confidence: Confidence };

export interface HowToApply {
  steps: string[];
  materials: string[];
  url?: string;
  /**
   * 免申即享: the benefit comes without an application (a tax preference claimed
   * in the filing itself). Founders are told 无需申请 and the note, not steps.
   */
  automatic?: true;
  /** What the founder does instead (required with `automatic`). */
  note?: string;
}

export type RegionScope = 'national' | 'shanghai' | 'zj-county';

/** Topics let a founder narrow an assessment: 落户, 资金, 资质, 创新券… */
export type Topic = string;

export interface Policy {
  id: string;
  title: string;
  aliases: string[];
  keywords: string[];
  topics: Topic[];
  /** national policies apply everywhere; regional ones only to founders of that region. */
  region: RegionScope;
  /** Shanghai districts it is limited to; empty = the whole region. */
  districts: string[];
  authority: string;
  summary: string;
  benefit: Benefit;
  versions: PolicyVersion[];
  caveats: string[];
  windows: ApplicationWindow[];
  how_to_apply: HowToApply;
  sources: Source[];
  verified_at: IsoDate;
  confidence: Confidence;
  /**
   * The fact whose `true` says the founder already holds what the policy grants
   * (a certificate): the policy is then not needed (rules/not-needed.ts).
   */
  held_by?: string;
  /** Its rung on the qualification ladder (content/ladder.yaml, set by the loader; rules/ladder.ts). */
  ladder?: LadderRungDeclaration;
}

/** One rung of the qualification ladder, as content declares it. */
export interface LadderRungDeclaration {
  /** 1 for the first rung. */
  rung: number;
  /** The rung's name, shown also when the policy was not evaluated ("高新技术企业"). */
  title: string;
}

export type IncubatorLevel =
  '国家级' | '市级' | '浦东高峰' | '浦东高原' | '大学科技园' | '概念验证中心' | '众创空间' | '孵化基地' | '区级';

export interface Incubator {
  id: string;
  name: string;
  region: 'shanghai' | 'zj-county';
  /** Shanghai district (docs/facts.md enum); absent for the county pack. */
  district?: string;
  level: IncubatorLevel;
  industries: string[];
  stages: string[];
  services: string[];
  /** County pack: its "8+N" incubation clusters (seed 003), e.g. 智能电气. */
  clusters?: string[];
  address: string;
  summary?: string;
  sources: Source[];
  verified_at: IsoDate;
  confidence: Confidence;
}

export interface Region {
  id: string;
  name: string;
  scope: 'shanghai' | 'zj-county';
  district?: string;
  summary: string;
  /** What its plan offers founders. */
  offers: string[];
  /** Targets the plan sets (incubators, funds…), as written. */
  targets: string[];
  industries: string[];
  sources: Source[];
  verified_at: IsoDate;
  confidence: Confidence;
}

export interface Catalogue {
  facts: Readonly<Record<string, FactDefinition>>;
  policies: readonly Policy[];
  incubators: readonly Incubator[];
  regions: readonly Region[];
}
