/**
 * Cross-file checks of the policy knowledge content declares: the topics
 * (topics.yaml) every policy tag must name, the qualification ladder
 * (ladder.yaml) whose rungs must be policies, the fact that says a policy is
 * already held (`held_by`, a yes/no fact), and what answers imply (`implies`
 * in questions.yaml: known facts with values that fit them). Pure: parsed
 * data in, problems out, each as `file:path — reason`.
 */
import type { FactDefinition } from '../rules/catalogue';
import type { ErrorDetail } from '../errors';
import type { ParsedContent } from './check-references';
import { isNumeric, valueProblem } from './check-references';

type Report = (where: string, reason: string) => void;

export function checkKnowledge(content: ParsedContent, facts: ReadonlyMap<string, FactDefinition>): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const at =
    (file: string): Report =>
    (where, reason) =>
      problems.push({ path: `${file}:${where}`, reason });
  const factsKnown = content.questions !== null;
  if (content.questions && factsKnown) checkImplications(content.questions.facts, facts, at(content.questions.file));
  const topics = content.topics ? checkTopics(content.topics.topics, at(content.topics.file)) : null;
  for (const { file, policy } of content.policies) {
    const report = at(file);
    if (topics)
      policy.topics.forEach((topic, i) => {
        if (!topics.has(topic)) report(`topics[${i}]`, `unknown topic "${topic}" (declare it in topics.yaml)`);
      });
    if (policy.held_by !== undefined && factsKnown) {
      const fact = facts.get(policy.held_by);
      if (!fact) report('held_by', `unknown fact "${policy.held_by}"`);
      else if (fact.type !== 'boolean') report('held_by', `"${policy.held_by}" is ${fact.type}, not a yes/no fact`);
    }
  }
  if (content.ladder) checkLadder(content, at(content.ladder.file));
  return problems;
}

function checkTopics(topics: readonly string[], report: Report): Set<string> {
  const seen = new Set<string>();
  topics.forEach((topic, i) => {
    if (seen.has(topic)) report(`topics[${i}]`, `topic "${topic}" is declared twice`);
    seen.add(topic);
  });
  return seen;
}

function checkLadder(content: ParsedContent, report: Report): void {
  const ids = new Set([...content.policies.map((entry) => entry.policy.id), ...(content.unreadablePolicies ?? [])]);
  const seen = new Set<string>();
  content.ladder!.rungs.forEach((rung, i) => {
    if (!ids.has(rung.policy)) report(`rungs[${i}].policy`, `unknown policy "${rung.policy}"`);
    if (seen.has(rung.policy)) report(`rungs[${i}].policy`, `"${rung.policy}" is on the ladder twice`);
    seen.add(rung.policy);
  });
}

function checkImplications(
  definitions: readonly FactDefinition[],
  facts: ReadonlyMap<string, FactDefinition>,
  report: Report,
): void {
  definitions.forEach((definition, i) => {
    definition.implies?.forEach((implication, j) => {
      const base = `facts[${i}].implies[${j}]`;
      const { when } = implication;
      if (typeof when === 'object') {
        if (!isNumeric(definition))
          report(`${base}.when`, `"${definition.fact}" is not a number: compare only numbers`);
      } else if (when !== undefined) {
        const problem = valueProblem(definition, when);
        if (problem) report(`${base}.when`, problem);
      }
      for (const [name, value] of Object.entries(implication.then)) {
        const fact = facts.get(name);
        if (!fact) report(`${base}.then.${name}`, `unknown fact "${name}"`);
        else if (name === definition.fact) report(`${base}.then.${name}`, 'a fact cannot imply itself');
        else {
          const problem = valueProblem(fact, value);
          if (problem) report(`${base}.then.${name}`, problem);
        }
      }
    });
  });
}
