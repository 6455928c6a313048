/**
 * Cross-file checks on content that already passed its schema: every fact a
 * criterion or score uses exists and the value fits it, every {policy: id}
 * exists and no policy depends on itself, versions of a policy do not overlap,
 * ids are unique, and incubators and regions use the vocabulary's districts,
 * industries and stages. Pure: parsed data in, problems out.
 */
import type {
  Criterion,
  FactDefinition,
  Incubator,
  Policy,
  PolicyVersion,
  Region,
  ScoreComponent,
} from '../rules/catalogue';
import type { ErrorDetail } from '../errors';
import { checkKnowledge } from './check-knowledge';

export interface ParsedContent {
  /** null when questions.yaml is missing or broken: facts are then not checked (no cascade of "unknown fact"). */
  questions: { file: string; facts: FactDefinition[] } | null;
  /** null when topics.yaml is missing or broken: tags are then not checked. */
  topics: { file: string; topics: string[] } | null;
  /** null when there is no ladder.yaml (or it is broken). */
  ladder: { file: string; rungs: { policy: string; title: string }[] } | null;
  policies: { file: string; policy: Policy }[];
  /** Ids (from file names) of policy files that failed to parse: references to them are not reported again. */
  unreadablePolicies?: string[];
  incubators: { file: string; incubators: Incubator[] }[];
  regions: { file: string; region: Region }[];
}

type Report = (where: string, reason: string) => void;
interface PolicyRef {
  from: string;
  to: string;
  where: string;
}

export function checkReferences(content: ParsedContent): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const at =
    (file: string): Report =>
    (where, reason) =>
      problems.push({ path: `${file}:${where}`, reason });
  const facts = checkFacts(content.questions, at(content.questions?.file ?? 'questions.yaml'));
  const policyIds = new Set([
    ...content.policies.map((entry) => entry.policy.id),
    ...(content.unreadablePolicies ?? []),
  ]);
  const refs: PolicyRef[] = [];
  const factsKnown = content.questions !== null;
  for (const { file, policy } of content.policies)
    checkPolicy(policy, file, factsKnown ? facts : null, policyIds, refs, at(file));
  for (const cycle of referenceCycles(refs)) {
    for (const ref of cycle.edges) problems.push({ path: ref.where, reason: `policy reference cycle: ${cycle.text}` });
  }
  checkUniqueIds(content, problems);
  problems.push(...checkKnowledge(content, facts));
  const vocabulary = (name: string) => new Set(facts.get(name)?.options?.map((o) => o.value) ?? []);
  const known = { district: vocabulary('district'), industry: vocabulary('industry'), stage: vocabulary('stage') };
  for (const { file, incubators } of content.incubators) {
    incubators.forEach((incubator, i) => {
      const report = at(file);
      const base = `incubators[${i}]`;
      if (incubator.district !== undefined)
        inVocabulary(known.district, incubator.district, `${base}.district`, 'district', report);
      inVocabulary(known.industry, incubator.industries, `${base}.industries`, 'industry', report);
      inVocabulary(known.stage, incubator.stages, `${base}.stages`, 'stage', report);
    });
  }
  for (const { file, region } of content.regions) {
    const report = at(file);
    if (region.district !== undefined) inVocabulary(known.district, region.district, 'district', 'district', report);
    inVocabulary(known.industry, region.industries, 'industries', 'industry', report);
  }
  return problems;
}

function checkFacts(questions: ParsedContent['questions'], report: Report): Map<string, FactDefinition> {
  const facts = new Map<string, FactDefinition>();
  if (!questions) return facts;
  questions.facts.forEach((fact, i) => {
    if (facts.has(fact.fact)) report(`facts[${i}].fact`, `fact "${fact.fact}" is defined twice`);
    facts.set(fact.fact, fact);
    const words = new Map<string, string>();
    fact.options?.forEach((option, j) => {
      for (const word of [option.value, option.label, ...(option.aliases ?? [])]) {
        const owner = words.get(word);
        if (owner !== undefined && owner !== option.value)
          report(`facts[${i}].options[${j}]`, `"${word}" would mean both ${owner} and ${option.value}`);
        words.set(word, option.value);
      }
    });
    for (const key of ['default', 'usually'] as const) {
      const value = fact[key];
      const problem = value === undefined ? null : valueProblem(fact, value);
      if (problem) report(`facts[${i}].${key}`, problem);
    }
  });
  for (const needed of ['district', 'industry', 'stage']) {
    if (!facts.has(needed))
      report('facts', `the vocabulary needs a "${needed}" fact: incubators and regions are checked against it`);
  }
  return facts;
}

function checkPolicy(
  policy: Policy,
  file: string,
  facts: Map<string, FactDefinition> | null,
  policyIds: Set<string>,
  refs: PolicyRef[],
  report: Report,
): void {
  const expected = `policies/${policy.id}.yaml`;
  if (file !== expected) report('id', `the id "${policy.id}" belongs in ${expected}`);
  if (policy.region !== 'shanghai' && policy.districts.length > 0)
    report('districts', `only Shanghai policies are limited to districts (region is ${policy.region})`);
  const districts = new Set(facts?.get('district')?.options?.map((o) => o.value) ?? []);
  inVocabulary(districts, policy.districts, 'districts', 'district', report);

  policy.versions.forEach((version, i) => {
    const base = `versions[${i}]`;
    const walk = (criterion: Criterion, where: string): void => {
      if ('all' in criterion) criterion.all.forEach((c, j) => walk(c, `${where}.all[${j}]`));
      else if ('any' in criterion) criterion.any.forEach((c, j) => walk(c, `${where}.any[${j}]`));
      else if ('not' in criterion) walk(criterion.not, `${where}.not`);
      else if ('policy' in criterion) {
        if (!policyIds.has(criterion.policy)) report(`${where}.policy`, `unknown policy "${criterion.policy}"`);
        else refs.push({ from: policy.id, to: criterion.policy, where: `${file}:${where}.policy` });
      } else if ('score' in criterion) {
        if (!version.scores?.[criterion.score])
          report(`${where}.score`, `no score table "${criterion.score}" in this version's scores`);
      } else if (facts) {
        const fact = facts.get(criterion.fact);
        if (!fact) report(`${where}.fact`, `unknown fact "${criterion.fact}"`);
        else {
          const problem = leafProblem(fact, criterion.op, criterion.value);
          if (problem) report(`${where}.value`, problem);
        }
      }
    };
    walk(version.criteria, `${base}.criteria`);
    if (facts) checkScores(version, base, facts, report);
  });
  checkOverlaps(policy.versions, report);
  const windowIds = new Set<string>();
  policy.windows.forEach((window, i) => {
    if (windowIds.has(window.id)) report(`windows[${i}].id`, `window id "${window.id}" is used twice`);
    windowIds.add(window.id);
  });
}

function checkScores(version: PolicyVersion, base: string, facts: Map<string, FactDefinition>, report: Report): void {
  for (const [name, table] of Object.entries(version.scores ?? {})) {
    const where = `${base}.scores.${name}`;
    const best = (component: ScoreComponent, path: string): number => {
      if ('best_of' in component) return Math.max(...component.best_of.map((c, j) => best(c, `${path}.best_of[${j}]`)));
      const fact = facts.get(component.fact);
      if (!fact) report(`${path}.fact`, `unknown fact "${component.fact}"`);
      else if (!isNumeric(fact))
        report(`${path}.fact`, `"${component.fact}" is ${fact.type}; score bands need a number`);
      return Math.max(...component.bands.map((band) => band.points));
    };
    const total = table.components.reduce((sum, component, j) => sum + best(component, `${where}.components[${j}]`), 0);
    if (total !== table.max)
      report(`${where}.max`, `the components give at most ${total} points, max says ${table.max}`);
  }
}

/** Versions sorted by start must each end before the next starts. */
function checkOverlaps(versions: PolicyVersion[], report: Report): void {
  const order = versions
    .map((version, index) => ({ version, index }))
    .sort((a, b) => a.version.valid_from.localeCompare(b.version.valid_from));
  for (let k = 1; k < order.length; k += 1) {
    const earlier = order[k - 1]!;
    const later = order[k]!;
    const end = earlier.version.valid_to;
    if (end === undefined || end >= later.version.valid_from) {
      report(
        `versions[${later.index}].valid_from`,
        `overlaps versions[${earlier.index}] (${earlier.version.valid_from} – ${end ?? 'open-ended'}); give it a valid_to before ${later.version.valid_from}`,
      );
    }
  }
}

function checkUniqueIds(content: ParsedContent, problems: ErrorDetail[]): void {
  const seen = new Map<string, string>();
  const claim = (id: string, where: string) => {
    const first = seen.get(id);
    if (first !== undefined) problems.push({ path: where, reason: `duplicate id "${id}", already used at ${first}` });
    else seen.set(id, where);
  };
  for (const { file, policy } of content.policies) claim(policy.id, `${file}:id`);
  for (const { file, incubators } of content.incubators)
    incubators.forEach((inc, i) => claim(inc.id, `${file}:incubators[${i}].id`));
  for (const { file, region } of content.regions) claim(region.id, `${file}:id`);
}

/** Strongly connected groups of policy references (Tarjan): every edge inside one closes a cycle. */
function referenceCycles(refs: PolicyRef[]): { text: string; edges: PolicyRef[] }[] {
  const graph = new Map<string, string[]>();
  for (const ref of refs) graph.set(ref.from, [...(graph.get(ref.from) ?? []), ref.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      groups.push(group);
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return groups
    .map((group) => new Set(group))
    .map((members) => ({ members, edges: refs.filter((r) => members.has(r.from) && members.has(r.to)) }))
    .filter(({ edges }) => edges.length > 0)
    .map(({ members, edges }) => {
      const names = [...members].sort();
      return { text: [...names, names[0]].join(' → '), edges };
    });
}

export function isNumeric(fact: FactDefinition): boolean {
  return fact.type === 'integer' || fact.type === 'number' || fact.type === 'percent';
}

function leafProblem(fact: FactDefinition, op: string, value: unknown): string | null {
  if (fact.type === 'boolean' && op !== '=' && op !== '!=') return `"${fact.fact}" is yes/no: use = or !=, not ${op}`;
  if (fact.type === 'enum' && !['=', '!=', 'in'].includes(op))
    return `"${fact.fact}" is a choice: use =, != or in, not ${op}`;
  for (const item of Array.isArray(value) ? value : [value]) {
    const problem = valueProblem(fact, item);
    if (problem) return problem;
  }
  return null;
}

/** Whether a value could be an answer to this fact. */
export function valueProblem(fact: FactDefinition, value: unknown): string | null {
  switch (fact.type) {
    case 'boolean':
      return typeof value === 'boolean' ? null : `"${fact.fact}" takes true or false, not ${JSON.stringify(value)}`;
    case 'enum': {
      const values = fact.options?.map((o) => o.value) ?? [];
      return typeof value === 'string' && values.includes(value)
        ? null
        : `${JSON.stringify(value)} is not an option of "${fact.fact}" (${values.join(', ')})`;
    }
    default: {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return `"${fact.fact}" takes a number, not ${JSON.stringify(value)}`;
      if (fact.type === 'integer' && !Number.isInteger(value))
        return `"${fact.fact}" takes a whole number, not ${value}`;
      if (fact.min !== undefined && value < fact.min)
        return `${value} is below the minimum ${fact.min} of "${fact.fact}"`;
      if (fact.max !== undefined && value > fact.max)
        return `${value} is above the maximum ${fact.max} of "${fact.fact}"`;
      return null;
    }
  }
}

/** `values` at `where[i]`; a single value (a district) is checked at `where` itself. */
function inVocabulary(
  known: Set<string>,
  values: string | string[],
  where: string,
  fact: string,
  report: Report,
): void {
  if (known.size === 0) return; // reported once on questions.yaml
  const list = Array.isArray(values) ? values : [values];
  list.forEach((value, i) => {
    if (!known.has(value))
      report(Array.isArray(values) ? `${where}[${i}]` : where, `"${value}" is not one of the ${fact} options`);
  });
}
