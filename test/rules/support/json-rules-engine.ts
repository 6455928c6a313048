/**
 * The catalogue's criteria as json-rules-engine rules: the yardstick of the
 * benchmark, and a cross-check of our engine on fully answered profiles.
 * json-rules-engine is two-valued (an undefined fact fails its condition),
 * so it only agrees with us when every fact is known.
 */
import { Almanac, Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import type { Answers, Catalogue, ComparisonOp, Criterion, ScoreTable } from '../../../rules/catalogue';
import { compileCatalogue, type CompiledCatalogue } from '../../../rules/compile-catalogue';
import { pointsFor } from '../../../rules/score';

const OPERATORS: Record<ComparisonOp, string> = {
  '=': 'equal',
  '!=': 'notEqual',
  '<': 'lessThan',
  '<=': 'lessThanInclusive',
  '>': 'greaterThan',
  '>=': 'greaterThanInclusive',
  in: 'in',
};

/** Known-facts-only score: what a two-valued engine can compute. */
function scoreOf(table: ScoreTable, answers: Record<string, unknown>): number {
  const component = (c: ScoreTable['components'][number]): number => {
    if ('fact' in c) {
      const value = answers[c.fact];
      return typeof value === 'number' ? pointsFor(c.bands, value) : 0;
    }
    return Math.max(...c.best_of.map(component));
  };
  return table.components.reduce((sum, c) => sum + component(c), 0);
}

function translate(
  criterion: Criterion,
  compiled: CompiledCatalogue,
  policyId: string,
  scoreFacts: Map<string, ScoreTable>,
  visiting: Set<string>,
): NestedCondition {
  if ('all' in criterion)
    return { all: criterion.all.map((c) => translate(c, compiled, policyId, scoreFacts, visiting)) };
  if ('any' in criterion)
    return { any: criterion.any.map((c) => translate(c, compiled, policyId, scoreFacts, visiting)) };
  if ('not' in criterion) return { not: translate(criterion.not, compiled, policyId, scoreFacts, visiting) };
  if ('fact' in criterion) return { fact: criterion.fact, operator: OPERATORS[criterion.op], value: criterion.value };
  if ('policy' in criterion) {
    // References are inlined (json-rules-engine has no rule-to-rule reference); a cycle or a policy not in force fails.
    const target = compiled.byId.get(criterion.policy);
    if (!target || visiting.has(criterion.policy)) return { fact: '__never', operator: 'equal', value: true };
    const inner = translate(
      target.criteria,
      compiled,
      criterion.policy,
      scoreFacts,
      new Set([...visiting, criterion.policy]),
    );
    return 'all' in inner || 'any' in inner || 'not' in inner ? inner : { all: [inner] };
  }
  const name = `score:${policyId}:${criterion.score}`;
  const table = compiled.byId.get(policyId)?.scores[criterion.score];
  if (table) scoreFacts.set(name, table);
  return {
    fact: name,
    operator: criterion.op === '>=' ? 'greaterThanInclusive' : 'greaterThan',
    value: criterion.value,
  };
}

function topLevel(condition: NestedCondition): TopLevelCondition {
  return 'all' in condition || 'any' in condition || 'not' in condition
    ? (condition as TopLevelCondition)
    : { all: [condition] };
}

export interface JsonRulesEngine {
  /** The ids of the policies whose rule passes. */
  run(answers: Answers): Promise<Set<string>>;
}

export function jsonRulesEngine(catalogue: Catalogue, asOf: string): JsonRulesEngine {
  const compiled = compileCatalogue(catalogue, asOf);
  const engine = new Engine([], { allowUndefinedFacts: true });
  const scoreFacts = new Map<string, ScoreTable>();
  for (const policy of compiled.policies) {
    const id = policy.policy.id;
    const conditions = topLevel(translate(policy.criteria, compiled, id, scoreFacts, new Set([id])));
    engine.addRule({ conditions, event: { type: id }, name: id });
  }
  return {
    async run(answers) {
      const almanac = new Almanac({ allowUndefinedFacts: true });
      for (const [fact, value] of Object.entries(answers)) almanac.addFact(fact, value);
      for (const [name, table] of scoreFacts) almanac.addFact(name, () => scoreOf(table, answers));
      const { events } = await engine.run({}, { almanac });
      return new Set(events.map((event) => event.type));
    },
  };
}
