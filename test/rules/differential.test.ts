/**
 * One verdict, many views: every walk of a compiled criteria tree (the lean
 * truth, the traced explanation, the outline and its failed leaves,
 * flips-needed, reachability and the facet filter) must agree with the core's verdict, on generated partial
 * answers over the shipped catalogue and over generated trees (with orderings
 * on strings, negations, scores and policy references that content rarely has).
 */
import fc from 'fast-check';
import path from 'node:path';
import { readCatalogue } from '../../catalogue/read-content';
import { couldApply } from '../../rules';
import type { Answers, Catalogue, Criterion, FactValue, ScoreTable } from '../../rules/catalogue';
import { compileCatalogue, type CompiledPolicy } from '../../rules/compile-catalogue';
import { compileCriterion } from '../../rules/criteria-node';
import { failedLeaves, failedLeavesOf, outlineCriterion } from '../../rules/criteria-outline';
import { newTrace, traceCriterion } from '../../rules/evaluate-criterion';
import { flipsNeeded, NEVER } from '../../rules/flips-needed';
import { leanTest, type LeanEnv } from '../../rules/lean-criterion';
import { canStillBeMet } from '../../rules/reachability';
import type { Truth } from '../../rules/results';
import { Session } from '../../rules/session';
import { FACTS, policy, TECH_SME_SCORE, version } from './support/fixtures';
import { answersArbitrary } from './support/profiles';

const { catalogue: shipped } = readCatalogue(path.resolve(__dirname, '../../content'));
const AS_OF = '2026-11-23';

/** Every view of one policy on one session, held to the core's verdict (the lean truth). */
function checkViews(session: Session, compiled: CompiledPolicy, skipped: ReadonlySet<string>): void {
  const { vocabulary } = session.compiled;
  const missing: string[] = [];
  const truth = compiled.test(session, missing);

  const trace = newTrace();
  expect(traceCriterion(compiled.root, session, trace)).toBe(truth);
  expect(new Set(trace.missing)).toEqual(new Set(missing));
  if (truth !== 'unknown') expect(missing).toEqual([]);

  const outline = outlineCriterion(compiled.root, session);
  expect(outline.status).toBe(truth);
  // What a "no" failed on, found without the outline, is what the outline shows.
  expect(failedLeavesOf(compiled.root, session)).toEqual(failedLeaves(outline));
  // Each leaf reads the same in the flat list and in the outline.
  for (const leaf of failedLeaves(outline)) expect(trace.criteria).toContainEqual({ ...leaf, group: undefined });

  const flips = flipsNeeded(compiled.root, vocabulary);
  expect(flips(session, true, NEVER) === 0).toBe(truth === 'met');
  expect(flips(session, false, NEVER) === 0).toBe(truth === 'not_met');

  const verdict = session.outcome(compiled.policy.id).truth;
  expect(canStillBeMet(session, compiled.policy.id, new Set())).toBe(verdict !== 'not_met');
  // Skipping facts can only take chances away, never settle a verdict the other way.
  const reachable = canStillBeMet(session, compiled.policy.id, skipped);
  if (reachable) expect(verdict).not.toBe('not_met');
  if (truth === 'met') expect(reachable).toBe(true);
}

/** Only the given facts known; no defaults, no implications; referenced policies unknown. */
function factsOnly(known: Readonly<Record<string, FactValue>>, names: readonly string[]): LeanEnv {
  return {
    getAt: (index) => known[names[index]!],
    get: (fact) => known[fact],
    outcome: () => ({ truth: 'unknown', missing: [] }),
  };
}

/** The facet filter rules out exactly what the core says the known facts alone rule out. */
function checkFacets(
  catalogue: Catalogue,
  criteria: Criterion,
  scores: Readonly<Record<string, ScoreTable>>,
  known: Readonly<Record<string, FactValue>>,
): void {
  const { vocabulary } = compileCatalogue(catalogue, AS_OF);
  const root = compileCriterion(criteria, scores, vocabulary.factIndex);
  const truth: Truth = leanTest(root, vocabulary)(factsOnly(known, [...vocabulary.factIndex.keys()]), []);
  expect(couldApply(catalogue, version(criteria, { scores }), known)).toBe(truth !== 'not_met');
}

function skippedArbitrary(catalogue: Catalogue): fc.Arbitrary<Set<string>> {
  return fc
    .subarray(Object.keys(catalogue.facts), { maxLength: Math.min(6, Object.keys(catalogue.facts).length) })
    .map((facts) => new Set(facts));
}

describe('every view agrees with the core verdict', () => {
  it('on the shipped catalogue, for generated partial answers and dates', () => {
    const dates = fc.constantFrom('2026-03-31', '2026-11-23', '2027-06-15');
    fc.assert(
      fc.property(answersArbitrary(shipped, AS_OF), dates, skippedArbitrary(shipped), (answers, date, skipped) => {
        const compiled = compileCatalogue(shipped, date);
        const session = Session.of(compiled, answers);
        for (const policy of compiled.policies) {
          const unanswered = new Set([...skipped].filter((fact) => answers[fact] === undefined));
          checkViews(session, policy, unanswered);
          checkFacets(shipped, policy.version.criteria, policy.scores, facetsOf(answers));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('on generated criteria trees, scores and policy references included', () => {
    fc.assert(
      fc.property(treesArbitrary, generatedAnswers, skippedArbitrary(TREE_CATALOGUE), (trees, answers, skipped) => {
        const catalogue = treeCatalogue(trees);
        const compiled = compileCatalogue(catalogue, AS_OF);
        const session = Session.of(compiled, answers);
        const unanswered = new Set([...skipped].filter((fact) => answers[fact] === undefined));
        for (const policy of compiled.policies) checkViews(session, policy, unanswered);
        for (const tree of [trees[0], trees[1]]) checkFacets(catalogue, tree, { test_score: SCORE }, answers);
      }),
      { numRuns: 3000 },
    );
  });
});

/** The facets a listing filters on, as the search service passes them. */
function facetsOf(answers: Answers): Record<string, FactValue> {
  const known: Record<string, FactValue> = {};
  for (const fact of ['region', 'district', 'industry', 'stage'])
    if (answers[fact] !== undefined) known[fact] = answers[fact]!;
  return known;
}

// Generated trees over a small vocabulary: a count, a percentage, a yes/no and an enum.
const NUMBERS = ['employees', 'rd_expense_ratio'] as const;
const VALUES = [0, 5, 10, 20, 50];
const STAGES = ['idea', 'seed', 'growth'];

/** The 科技型中小企业 100-point table: bands, and a best_of over alternatives. */
const SCORE: ScoreTable = TECH_SME_SCORE;

const ORDERINGS = ['<', '<=', '>', '>='] as const;
const leafArbitrary: fc.Arbitrary<Criterion> = fc.oneof(
  fc.record({
    fact: fc.constantFrom(...NUMBERS),
    op: fc.constantFrom(...ORDERINGS, '=', '!='),
    value: fc.constantFrom(...VALUES),
  }),
  fc.record({ fact: fc.constant('in_incubator'), op: fc.constantFrom('=', '!='), value: fc.boolean() }),
  // Orderings between strings hold never (rules/criteria-node.ts), in every view.
  fc.record({
    fact: fc.constant('stage'),
    op: fc.constantFrom(...ORDERINGS, '=', '!='),
    value: fc.constantFrom(...STAGES),
  }),
  fc.record({ fact: fc.constant('stage'), op: fc.constant('in'), value: fc.subarray(STAGES) }),
  fc.record({
    score: fc.constant('test_score'),
    op: fc.constantFrom('>=', '>'),
    value: fc.constantFrom(30, 60, 70, 90),
  }),
  fc.record({ score: fc.constant('undeclared'), op: fc.constant('>='), value: fc.constant(1) }),
) as fc.Arbitrary<Criterion>;

function treeArbitrary(references: boolean): fc.Arbitrary<Criterion> {
  const leaves = references
    ? fc.oneof({ weight: 4, arbitrary: leafArbitrary }, { weight: 1, arbitrary: fc.constant({ policy: 't.b' }) })
    : leafArbitrary;
  return fc.letrec<{ node: Criterion }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaves,
      fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 4 }) }),
      fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 4 }) }),
      fc.record({ not: tie('node') }),
    ),
  })).node;
}

/** Policy t.a may refer to t.b; t.b may be capped at maybe by a condition left to check. */
const treesArbitrary = fc.tuple(treeArbitrary(true), treeArbitrary(false), fc.boolean());

const TREE_FACTS = [
  'employees',
  'rd_expense_ratio',
  'in_incubator',
  'stage',
  'tech_staff_ratio',
  'rd_cost_ratio',
  'class1_ip_count',
  'class2_ip_count',
];
const TREE_CATALOGUE: Catalogue = {
  facts: Object.fromEntries(TREE_FACTS.map((fact) => [fact, FACTS[fact]!])),
  policies: [],
  incubators: [],
  regions: [],
};

function treeCatalogue([a, b, capped]: readonly [Criterion, Criterion, boolean]): Catalogue {
  const scores = { test_score: SCORE };
  return {
    ...TREE_CATALOGUE,
    policies: [
      policy('t.a', [version(a, { scores })]),
      policy('t.b', [version(b, { scores, ...(capped ? { unmodelled: ['须自行核实'] } : {}) })]),
    ],
  };
}

const generatedAnswers: fc.Arbitrary<Answers> = fc.record(
  {
    employees: fc.constantFrom(0, 4, 5, 6, 10, 20, 49, 50, 51),
    rd_expense_ratio: fc.constantFrom(0, 2, 4.5, 5, 10, 19.5, 20, 50),
    in_incubator: fc.boolean(),
    stage: fc.constantFrom(...STAGES),
    tech_staff_ratio: fc.constantFrom(0, 10, 25, 30),
    rd_cost_ratio: fc.constantFrom(0, 15, 30),
    class1_ip_count: fc.constantFrom(0, 1),
    class2_ip_count: fc.constantFrom(0, 2, 4),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Answers>;

describe('the facet filter', () => {
  it('orders numbers only, like every other view: a string ordering never holds', () => {
    // 'idea' < 'seed' alphabetically; the facet filter once said this policy could apply.
    const criteria: Criterion = { fact: 'stage', op: '<', value: 'seed' };
    expect(couldApply(TREE_CATALOGUE, version(criteria), { stage: 'idea' })).toBe(false);
    expect(couldApply(TREE_CATALOGUE, version(criteria), {})).toBe(true);
  });
});
