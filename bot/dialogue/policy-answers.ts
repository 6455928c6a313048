/**
 * Questions about a policy by name, alias or keyword ("创新券怎么申请",
 * "高企条件", "落户"). One match: summary, criteria (checked against what the
 * founder has told us), window, how to apply, source. Several: a short card
 * each and how to ask for one. All of it comes from content via the rules
 * engine; the bot only lays it out.
 */
import type { Policy } from '../../rules/catalogue';
import type { OutlineNode } from '../../rules/results';
import { matchScore } from '../../services/policy-search-service';
import { QUESTION_WORDS, text, WHEN } from '../messages';
import type { DialogueContext } from './context';
import { formatWindow, sourceLine } from './format';

/** More than this many matches is a list, not an answer. */
const MAX_CARDS = 4;

/** "创新券怎么申请" → "创新券": the words around the policy name are not part of it. */
export function policyQuery(said: string): string {
  let query = said;
  for (const word of QUESTION_WORDS) query = query.split(word).join(' ');
  return query.replace(/\s+/g, ' ').trim();
}

/**
 * Policies the text asks about, keeping only the best-matching ones: "高企"
 * names 高新技术企业认定 by alias, so a policy that merely mentions 高企 in its
 * summary is left out; "落户" matches three policies equally and lists them.
 */
export function findPolicies(ctx: DialogueContext, said: string): Policy[] {
  const query = policyQuery(said);
  // A bare number or symbol ("3", "12%", "？") is a mistyped answer, not a question
  // about whichever policy happens to mention it: the question is asked again instead.
  if (!/\p{L}/u.test(query)) return [];
  const found = ctx.ports.searchPolicies(query);
  const best = found.length > 0 ? matchScore(found[0]!, query) : 0;
  return found.filter((policy) => matchScore(policy, query) === best);
}

/** Matching a title, an alias or an id (see matchScore); a keyword or summary match is weaker. */
const NAMED_SCORE = 5;

/**
 * The one policy the text names, for an action on it (subscribing). A keyword
 * match ("火星移民补贴" mentions 补贴) or a tie ("落户": three policies) is not
 * a choice the founder made: then the candidates named, if any, come back instead.
 */
export function namedPolicy(ctx: DialogueContext, said: string): { policy: Policy } | { candidates: Policy[] } {
  const query = policyQuery(said);
  const named = findPolicies(ctx, said).filter((policy) => matchScore(policy, query) >= NAMED_SCORE);
  return named.length === 1 ? { policy: named[0]! } : { candidates: named };
}

/**
 * The criteria as a tree: a group's parts indented under its label, and "one of"
 * said where one part is enough (创新券's two channels, 高企's revenue bands).
 */
function outlineLines(root: OutlineNode): string[] {
  const mark = (node: OutlineNode) => text.marks[node.status] ?? text.marks.unknown!;
  const lines: string[] = [];
  const walk = (node: OutlineNode, depth: number): void => {
    const indent = text.outlineIndent.repeat(depth);
    if (!node.group) {
      lines.push(indent + text.criterionLine(mark(node), node.explanation));
      return;
    }
    lines.push(indent + text.criterionLine(mark(node), text.outlineGroup(node.label, node.mode)));
    for (const part of node.parts) walk(part, depth + 1);
  };
  if (!root.group) walk(root, 0);
  // The top level is the list itself: its parts are not indented under a heading of their own.
  else for (const part of root.parts) walk(part, 0);
  const header = root.group && root.mode === 'any' ? text.criteriaHeaderOneOf : text.criteriaHeader;
  return [header, ...lines];
}

async function detail(ctx: DialogueContext, policy: Policy): Promise<string[]> {
  const answers = await ctx.ports.answers(ctx.founderId);
  const { evaluation } = ctx.ports.check({ answers, policies: [policy.id] });
  const result = evaluation.results.find((r) => r.policy === policy.id);
  const head = [
    `${text.bracketTitle(policy.title)}${policy.aliases.length > 0 ? text.policyAliases(policy.aliases) : ''}`,
  ];
  head.push(text.summary(policy.summary), text.benefit(policy.benefit.description));
  if (result && Object.keys(answers).length > 0) head.push(text.yourStatus(text.statusWords[result.status]!));

  const criteria = result ? outlineLines(result.outline) : [text.criteriaHeader];
  const toCheck = result?.toCheck ?? [];
  if (toCheck.length > 0) criteria.push(text.toCheckHeader, ...toCheck.map(text.bullet));
  const caveats = [...(result?.caveats ?? policy.caveats)];
  if (caveats.length > 0) criteria.push(text.caveatsHeader, ...caveats.map(text.bullet));

  const apply = [text.window(formatWindow(result?.nextWindow ?? null))];
  if (policy.how_to_apply.automatic) apply.push(text.noApplication(policy.how_to_apply.note ?? ''));
  else {
    apply.push(text.howToApply);
    policy.how_to_apply.steps.forEach((stepText, index) => apply.push(`${index + 1}. ${stepText}`));
  }
  if (policy.how_to_apply.materials.length > 0) apply.push(text.materials(policy.how_to_apply.materials));
  if (policy.how_to_apply.url) apply.push(text.link(policy.how_to_apply.url));
  apply.push(sourceLine(result?.sources ?? policy.sources, policy.verified_at));

  return [head.join('\n'), criteria.join('\n'), apply.join('\n')].filter((part) => part.trim().length > 0);
}

function card(ctx: DialogueContext, policy: Policy, index: number): string {
  const { evaluation } = ctx.ports.check({ answers: {}, policies: [policy.id] });
  const window = evaluation.results[0]?.nextWindow ?? null;
  return [
    `${index}. ${policy.title}${policy.aliases.length > 0 ? text.policyAliases(policy.aliases.slice(0, 2)) : ''}`,
    `   ${policy.summary}`,
    `   ${text.window(formatWindow(window))}`,
    `   ${sourceLine(policy.sources, policy.verified_at)}`,
  ].join('\n');
}

/** Accepted all year round (常年受理), with no deadline that a reminder could come before. */
export function isRollingOnly(policy: Policy): boolean {
  return policy.windows.length > 0 && policy.windows.every((window) => window.kind === 'rolling');
}

/** "高企什么时候截止": the window, what the content says about timing, and how to be reminded. */
function when(ctx: DialogueContext, policy: Policy): string[] {
  const { evaluation } = ctx.ports.check({ answers: {}, policies: [policy.id] });
  const result = evaluation.results[0];
  const timing = (result?.caveats ?? policy.caveats).filter((caveat) => /申报|截止|批次|时间/.test(caveat));
  const name = policy.aliases[0] ?? policy.title;
  return [
    [
      text.bracketTitle(policy.title),
      text.window(formatWindow(result?.nextWindow ?? null)),
      ...timing.map(text.bullet),
      sourceLine(result?.sources ?? policy.sources, policy.verified_at),
      text.whenHint(name, !isRollingOnly(policy)),
    ].join('\n'),
  ];
}

/** One policy: its page (or only its window when `said` asks when); several: a card each. */
export async function answerPolicyQuestion(ctx: DialogueContext, policies: Policy[], said = ''): Promise<string[]> {
  if (policies.length === 1) return WHEN.test(said) ? when(ctx, policies[0]!) : detail(ctx, policies[0]!);
  const shown = policies.slice(0, MAX_CARDS);
  // "落户" lists three routes: a topic they all share can be assessed to see which one fits.
  const shared = policies[0]!.topics.find((topic) => policies.every((policy) => policy.topics.includes(topic)));
  return [
    text.policyMany(shown.map((policy) => policy.title)),
    ...shown.map((policy, index) => card(ctx, policy, index + 1)),
    shared ? `${text.policyManyHint}\n${text.assessTopicHint(shared)}` : text.policyManyHint,
  ];
}
