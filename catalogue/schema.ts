/**
 * zod schemas for every kind of file under content/. They produce exactly the
 * types of rules/catalogue.ts (checked at compile time at the bottom), reject
 * unknown keys (a typo must not silently drop a condition) and check what can
 * be checked inside one object: real calendar dates, windows that open before
 * they close, operators that fit their values. Checks that need other files
 * (does this fact exist?) live in check-references.ts.
 */
import { z } from 'zod';
import type {
  ApplicationWindow,
  Benefit,
  Criterion,
  FactDefinition,
  Incubator,
  Policy,
  PolicyVersion,
  Region,
  ScoreComponent,
  ScoreTable,
  Source,
} from '../rules/catalogue';

const text = z.string().regex(/\S/, 'must not be empty');
const texts = z.array(text);
/** z.iso.date() rejects 2026-02-30 and 2025-02-29, not only bad formats. */
const isoDate = z.iso.date({ error: 'must be a real date written YYYY-MM-DD' });
const confidence = z.enum(['A', 'B', 'C']);
const factName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'fact names are snake_case');
const contentId = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'ids are lowercase words joined by . or -');
const seedFile = z
  .string()
  .regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'a seed is the file name of a seed plan, e.g. 000_5c5d62a17cf16d93.txt');

export const sourceSchema = z
  .strictObject({
    title: text,
    number: text.optional(),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    seed: seedFile.optional(),
  })
  .refine((source) => source.number || source.url || source.seed, {
    message: 'a source needs a document number, a URL or a seed file besides its title',
  });
const sources = z.array(sourceSchema).min(1, 'at least one source is required');

const factValue = z.union([z.boolean(), z.number(), z.string()]);

const enumOption = z.strictObject({ value: text, label: text, aliases: texts.optional() });

export const factDefinitionSchema = z
  .strictObject({
    fact: factName,
    type: z.enum(['boolean', 'integer', 'number', 'percent', 'enum']),
    label: text,
    question: text,
    unit: text.optional(),
    example: text.optional(),
    why: text,
    min: z.number().optional(),
    max: z.number().optional(),
    options: z.array(enumOption).min(1).optional(),
    default: factValue.optional(),
    changes: z.enum(['fixed', 'grows']).optional(),
    usually: factValue.optional(),
    implies: z
      .array(
        z.strictObject({
          when: z
            .union([factValue, z.strictObject({ op: z.enum(['<', '<=', '>', '>=']), value: z.number() })])
            .optional(),
          then: z.record(factName, factValue).refine((then) => Object.keys(then).length > 0, 'names no fact'),
        }),
      )
      .min(1)
      .optional(),
  })
  .superRefine((fact, ctx) => {
    if (fact.type === 'enum' && !fact.options)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'an enum fact needs options' });
    if (fact.type !== 'enum' && fact.options)
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `only enum facts have options, this one is ${fact.type}`,
      });
    if (fact.min !== undefined && fact.max !== undefined && fact.min > fact.max)
      ctx.addIssue({ code: 'custom', path: ['min'], message: `min ${fact.min} is above max ${fact.max}` });
    if (fact.type === 'percent' && ((fact.min ?? 0) < 0 || (fact.max ?? 100) > 100))
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'a percent stays within 0–100' });
  });

export const questionsFileSchema = z.strictObject({ facts: z.array(factDefinitionSchema).min(1) });

const label = text.optional();
const ORDERING_OPS = new Set(['<', '<=', '>', '>=']);

const factCriterion = z
  .strictObject({
    fact: factName,
    op: z.enum(['=', '!=', '<', '<=', '>', '>=', 'in']),
    value: z.union([factValue, z.array(factValue).min(1)]),
    label,
  })
  .superRefine((leaf, ctx) => {
    const isList = Array.isArray(leaf.value);
    if (leaf.op === 'in' && !isList)
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'op "in" takes a list of values' });
    if (leaf.op !== 'in' && isList)
      ctx.addIssue({ code: 'custom', path: ['value'], message: `op "${leaf.op}" takes one value, not a list` });
    if (ORDERING_OPS.has(leaf.op) && typeof leaf.value !== 'number')
      ctx.addIssue({ code: 'custom', path: ['value'], message: `op "${leaf.op}" compares numbers` });
  });

// Annotated, so the compiler checks every branch against Criterion.
export const criterionSchema: z.ZodType<Criterion> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(criterionSchema).min(1), label }),
    z.strictObject({ any: z.array(criterionSchema).min(1), label }),
    z.strictObject({ not: criterionSchema, label }),
    factCriterion,
    z.strictObject({ policy: contentId, label }),
    z.strictObject({ score: factName, op: z.enum(['>=', '>']), value: z.number(), label }),
  ]),
);

const scoreBand = z.strictObject({ min: z.number(), points: z.number().min(0) });

export const scoreComponentSchema: z.ZodType<ScoreComponent> = z.lazy(() =>
  z.union([
    z
      .strictObject({ label: text, fact: factName, bands: z.array(scoreBand).min(1) })
      .refine((c) => new Set(c.bands.map((b) => b.min)).size === c.bands.length, {
        path: ['bands'],
        message: 'two bands start at the same min',
      }),
    z.strictObject({ label: text, best_of: z.array(scoreComponentSchema).min(2) }),
  ]),
);

const scoreTable = z.strictObject({
  label: text,
  max: z.number().positive(),
  components: z.array(scoreComponentSchema).min(1),
});

export const policyVersionSchema = z
  .strictObject({
    valid_from: isoDate,
    valid_to: isoDate.optional(),
    criteria: criterionSchema,
    scores: z.record(factName, scoreTable).optional(),
    caveats: texts,
    unmodelled: texts.min(1).optional(),
    sources,
    confidence,
  })
  .refine((v) => !v.valid_to || v.valid_from <= v.valid_to, {
    path: ['valid_to'],
    message: 'valid_to is before valid_from',
  });

const benefitSchema = z.strictObject({
  kind: z.enum(['cash', 'tax', 'voucher', 'hukou', 'loan', 'equity', 'recognition', 'guidance']),
  cap_yuan: z.union([z.number().int('yuan are whole numbers').nonnegative(), z.literal('unknown')]),
  description: text,
  notes: text.optional(),
  confidence,
});

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** `MM-DD` that exists every year (so not 02-29). */
const monthDay = z.string().refine(
  (value) => {
    const match = /^(\d{2})-(\d{2})$/.exec(value);
    if (!match) return false;
    const month = Number(match[1]);
    const day = Number(match[2]);
    return month >= 1 && month <= 12 && day >= 1 && day <= MONTH_DAYS[month - 1]!;
  },
  { message: 'must be MM-DD and exist every year (no 02-29)' },
);

const windowSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({
      id: contentId,
      kind: z.literal('fixed'),
      opens: isoDate,
      closes: isoDate,
      note: text.optional(),
      confidence,
    })
    .refine((w) => w.opens <= w.closes, { path: ['closes'], message: 'the window closes before it opens' }),
  z
    .strictObject({
      id: contentId,
      kind: z.literal('yearly'),
      opens: monthDay,
      closes: monthDay,
      from_year: z.number().int().min(2000).max(2100),
      to_year: z.number().int().min(2000).max(2100).optional(),
      note: text.optional(),
      confidence,
    })
    .refine((w) => w.opens <= w.closes, { path: ['closes'], message: 'the window closes before it opens' })
    .refine((w) => w.to_year === undefined || w.from_year <= w.to_year, {
      path: ['to_year'],
      message: 'to_year is before from_year',
    }),
  z.strictObject({ id: contentId, kind: z.literal('rolling'), note: text.optional(), confidence }),
]);

export const policySchema = z.strictObject({
  id: contentId,
  title: text,
  aliases: texts,
  keywords: texts,
  // Declared in content/topics.yaml (checked in check-references.ts).
  topics: z.array(text).min(1, 'tag the policy with at least one topic'),
  region: z.enum(['national', 'shanghai', 'zj-county']),
  districts: texts,
  authority: text,
  summary: text,
  benefit: benefitSchema,
  versions: z.array(policyVersionSchema).min(1),
  caveats: texts,
  windows: z.array(windowSchema),
  how_to_apply: z
    .strictObject({
      steps: texts.min(1),
      materials: texts,
      url: z.url().optional(),
      // 免申即享: shown as 无需申请 plus the note (what the founder does instead).
      automatic: z.literal(true).optional(),
      note: text.optional(),
    })
    .refine((h) => !h.automatic || h.note, {
      path: ['note'],
      message: 'an automatic benefit needs a note saying how it is obtained without applying',
    }),
  sources,
  verified_at: isoDate,
  confidence,
  held_by: factName.optional(),
});

/** content/topics.yaml: the topics policies are tagged with ("测评落户"). */
export const topicsFileSchema = z.strictObject({ topics: z.array(text).min(1) });

/** content/ladder.yaml: the qualification ladder, first rung first. */
export const ladderFileSchema = z.strictObject({
  rungs: z.array(z.strictObject({ policy: contentId, title: text })).min(1),
});

export const incubatorSchema = z
  .strictObject({
    id: contentId,
    name: text,
    region: z.enum(['shanghai', 'zj-county']),
    district: text.optional(),
    level: z.enum([
      '国家级',
      '市级',
      '浦东高峰',
      '浦东高原',
      '大学科技园',
      '概念验证中心',
      '众创空间',
      '孵化基地',
      '区级',
    ]),
    industries: texts.min(1),
    stages: texts.min(1),
    services: texts,
    clusters: texts.optional(),
    address: text,
    summary: text.optional(),
    sources,
    verified_at: isoDate,
    confidence,
  })
  .refine((i) => (i.region === 'shanghai') === (i.district !== undefined), {
    path: ['district'],
    message: 'a Shanghai incubator has a district; a county one has none',
  });

export const incubatorsFileSchema = z.strictObject({ incubators: z.array(incubatorSchema).min(1) });

export const regionSchema = z.strictObject({
  id: contentId,
  name: text,
  scope: z.enum(['shanghai', 'zj-county']),
  district: text.optional(),
  summary: text,
  offers: texts.min(1),
  targets: texts,
  industries: texts,
  sources,
  verified_at: isoDate,
  confidence,
});

// Compile-time proof that parsing yields the contract types (and no more).
const _source: z.ZodType<Source> = sourceSchema;
const _fact: z.ZodType<FactDefinition> = factDefinitionSchema;
const _table: z.ZodType<ScoreTable> = scoreTable;
const _version: z.ZodType<PolicyVersion> = policyVersionSchema;
const _benefit: z.ZodType<Benefit> = benefitSchema;
const _window: z.ZodType<ApplicationWindow> = windowSchema;
const _policy: z.ZodType<Policy> = policySchema;
const _incubator: z.ZodType<Incubator> = incubatorSchema;
const _region: z.ZodType<Region> = regionSchema;
export const contractChecks = [_source, _fact, _table, _version, _benefit, _window, _policy, _incubator, _region];
