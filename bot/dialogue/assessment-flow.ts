/**
 * The adaptive assessment in chat, over AssessmentService (which persists the
 * assessment, asks the rules engine for each next question and stores the
 * answers in the profile). The chat adds what only a chat needs: reading the
 * founder's words as a value, progress lines, "good news" as soon as a policy
 * becomes eligible, and the question again when a reply cannot be read.
 */
import { NotFoundError, ValidationError } from '../../errors';
import type { FactDefinition, FactValue } from '../../rules/catalogue';
import { formatValue } from '../../rules/format-value';
import { isGoodNews, type NextQuestion } from '../../rules/results';
import type { AssessmentView } from '../../services/assessment-service';
import type { CheckResult } from '../../services/eligibility-service';
import { text } from '../messages';
import { parseBoolean } from '../parse/answer';
import { BOUND } from '../parse/quantities';
import type { UnsureValue } from '../parse/extract-facts';
import { monthsSince } from '../parse/calendar-months';
import { parseNumeral } from '../parse/chinese-number';
import type { DialogueContext, Turn } from './context';
import { formatQuestion, formatReAsk } from './format';
import { formatResults } from './results-format';
import type { DialogueState, PendingValue } from './state';
import { doubtReply, understand, understoodLine } from './understanding';

export interface AssessmentScope {
  policies: string[];
  /** The founder's word; `tagged` when content tags policies with it (then the service records it). */
  topic: string | null;
  tagged: boolean;
}

function definitionOf(ctx: DialogueContext, fact: string, question?: NextQuestion | null): FactDefinition {
  const known = ctx.ports.catalogue().facts[fact];
  if (known) return known;
  // Content changed under a running assessment: fall back to what the engine said.
  return {
    fact,
    type: question?.type ?? 'boolean',
    label: fact,
    question: question?.text ?? fact,
    why: '',
    ...question,
  };
}

/** Turns where the assessment stands into the next message: a question, or the results. */
function step(ctx: DialogueContext, state: DialogueState, view: AssessmentView, replies: string[]): Turn {
  const assessment = state.assessment!;
  const fresh = view.check.evaluation.results.filter((r) => isGoodNews(r) && !assessment.announced.includes(r.policy));
  assessment.announced.push(...fresh.map((r) => r.policy));

  const question = view.question;
  if (!question) {
    assessment.current = null;
    const results = formatResults(ctx, view.check, { final: true, answered: view.asked.length });
    return {
      replies: withLead(replies, results),
      state: { ...state, mode: 'idle', lastPolicy: firstNo(view.check) ?? state.lastPolicy },
    };
  }
  if (fresh.length > 0 && view.asked.length > 0) {
    const eligible = fresh.filter((r) => r.status === 'eligible').map((r) => r.title);
    const toCheck = fresh.filter((r) => r.status !== 'eligible').map((r) => r.title);
    if (eligible.length > 0) replies.push(text.goodNews(eligible));
    // Met on every condition we encode, but not certain: said as such, never as "你已符合".
    if (toCheck.length > 0) replies.push(text.goodNewsToCheck(toCheck));
  }
  assessment.current = question.fact;
  const definition = definitionOf(ctx, question.fact, question);
  const header = {
    number: view.asked.length + 1,
    // The service counts the current question among the remaining ones.
    remaining: Math.max(0, view.progress.remaining - 1),
    previous: view.previousValue !== null ? formatValue(definition, view.previousValue) : undefined,
  };
  // A question asked only for a near miss says why, once per policy.
  const nearMissOf = (question.nearMissOf ?? []).filter((title) => !assessment.announced.includes(`near:${title}`));
  if (nearMissOf.length > 0) {
    replies.push(text.askingForNearMiss(nearMissOf));
    assessment.announced.push(...nearMissOf.map((title) => `near:${title}`));
  }
  return { replies: withLead(replies, [formatQuestion(definition, header)]), state: { ...state, mode: 'assessing' } };
}

/**
 * What leads a step ("好的，跳过这题。", "记下了：…", good news) goes into one message
 * with the first of what follows: a step is at most 3 WeChat messages (issue 18).
 */
function withLead(lead: readonly string[], messages: readonly string[]): string[] {
  if (lead.length === 0) return [...messages];
  return [[...lead, messages[0]].join('\n'), ...messages.slice(1)];
}

/** A new persisted assessment of `scope`, and the chat state pointing at it. */
async function openAssessment(
  ctx: DialogueContext,
  state: DialogueState,
  scope: AssessmentScope,
): Promise<{ view: AssessmentView; state: DialogueState; known: number }> {
  const known = Object.keys(await ctx.ports.answers(ctx.founderId)).length;
  const view = await ctx.ports.assessments.start(ctx.founderId, {
    policies: scope.policies,
    ...(scope.tagged && scope.topic ? { topic: scope.topic } : {}),
  });
  // Verdicts already true before this assessment are shown with the results, not as news.
  const announced = view.check.evaluation.results.filter((r) => isGoodNews(r)).map((r) => r.policy);
  const next: DialogueState = { ...state, assessment: { id: view.id, topic: scope.topic, current: null, announced } };
  return { view, state: next, known };
}

export async function startAssessment(
  ctx: DialogueContext,
  state: DialogueState,
  scope: AssessmentScope,
  intro?: string,
): Promise<Turn> {
  const opened = await openAssessment(ctx, state, scope);
  return step(ctx, opened.state, opened.view, [intro ?? text.assessmentIntro(scope.topic, opened.known)]);
}

/** Starts an assessment with what the founder's first message already said, then asks what is left. */
export async function startWithAnswers(
  ctx: DialogueContext,
  state: DialogueState,
  scope: AssessmentScope,
  values: Record<string, FactValue>,
  unsure: UnsureValue[],
): Promise<Turn> {
  const opened = await openAssessment(ctx, { ...state, assessment: null }, scope);
  const intro = text.assessmentIntro(scope.topic, opened.known);
  if (Object.keys(values).length === 0) return step(ctx, opened.state, opened.view, [intro]);
  return storeAnswers(ctx, opened.state, values, { unsure, before: [intro] });
}

/** The open assessment, or null when it is gone (erased, or from before a data reset). */
async function currentView(ctx: DialogueContext, state: DialogueState): Promise<AssessmentView | null> {
  if (!state.assessment) return null;
  try {
    return await ctx.ports.assessments.get(ctx.founderId, state.assessment.id);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** "开始测评" while one is open: carry on where it stopped. */
export async function resumeAssessment(ctx: DialogueContext, state: DialogueState): Promise<Turn> {
  const view = await currentView(ctx, state);
  if (!view) return startAssessment(ctx, { ...state, assessment: null }, { policies: [], topic: null, tagged: false });
  return step(ctx, state, view, []);
}

/**
 * Reads the reply as the answer to the current question, with every other
 * fact it states; null when it says nothing usable.
 */
export async function answerCurrent(ctx: DialogueContext, state: DialogueState, said: string): Promise<Turn | null> {
  const fact = state.assessment!.current!;
  const definition = definitionOf(ctx, fact);
  const { values, unsure, doubt } = understand(ctx, said, definition);
  if (doubt) {
    const { reply, confirm } = doubtReply(ctx, doubt);
    if (confirm === null) return reAsk(ctx, { ...state, pending: awaitingMonth(doubt) }, reply);
    return { replies: [reply], state: { ...state, pending: { fact, value: confirm } } };
  }
  if (Object.keys(values).length === 0) {
    // "不到一年", "超过100人": say what is missing rather than "not understood".
    const numeric = definition.type !== 'boolean' && definition.type !== 'enum';
    return numeric && BOUND.test(said) ? reAsk(ctx, state, text.exactNumberPlease) : null;
  }
  return storeAnswers(ctx, state, values, { unsure });
}

/** Stores answers in the open assessment and moves on, saying what was understood. */
export async function storeAnswers(
  ctx: DialogueContext,
  state: DialogueState,
  values: Record<string, FactValue>,
  options: { unsure?: readonly UnsureValue[]; before?: readonly string[] } = {},
): Promise<Turn> {
  const assessment = state.assessment!;
  const asked = assessment.current;
  const cleared: DialogueState = { ...state, pending: null };
  let view: AssessmentView;
  try {
    view = await ctx.ports.assessments.answerMany(ctx.founderId, assessment.id, values, ctx.channel);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    // Out of range for the vocabulary (a percentage over 100, a negative count…).
    const reason = error.details[0]?.reason ?? error.message;
    if (!asked) return { replies: [text.outOfRange(reason)], state: cleared };
    return { replies: [formatReAsk(definitionOf(ctx, asked), text.outOfRange(reason))], state: cleared };
  }
  const lead = [...(options.before ?? []), ...understoodLine(ctx, values, asked)];
  // Something else the message said but not clearly ("2023年", "50-60人"): that question next, with why.
  const doubt = (options.unsure ?? []).find((u) => u.fact in ctx.ports.catalogue().facts);
  if (!doubt) return step(ctx, cleared, view, lead);
  const revisited = await ctx.ports.assessments.revisit(ctx.founderId, assessment.id, doubt.fact);
  const { reply, confirm } = doubtReply(ctx, doubt);
  if (confirm === null) return step(ctx, { ...cleared, pending: awaitingMonth(doubt) }, revisited, [...lead, reply]);
  assessment.current = doubt.fact;
  const pending = { fact: doubt.fact, value: confirm };
  return { replies: withLead(lead, [reply]), state: { ...cleared, mode: 'assessing', pending } };
}

/** After "2023年": the month the bot asks for next. */
function awaitingMonth(doubt: UnsureValue): PendingValue | null {
  return doubt.reason === 'year_only' ? { fact: doubt.fact, year: Number(doubt.said.slice(0, 4)) } : null;
}

const BARE_MONTH = /^(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(月|月份)?[。.!！]?$/;

/**
 * The founder's yes to "你说的 0.045 是指 4.5% 吗": the value is stored. After
 * "2023年 … 几月呢？", a bare month ("3月") completes the date. Anything else is
 * read afresh (null).
 */
export async function confirmPending(ctx: DialogueContext, state: DialogueState, said: string): Promise<Turn | null> {
  const pending = state.pending!;
  if (!state.assessment?.current) return null;
  if ('year' in pending) {
    const month = BARE_MONTH.exec(said.trim());
    const value = month ? parseNumeral(month[1]!) : null;
    const months =
      value !== null && value >= 1 && value <= 12 ? monthsSince(pending.year, value, ctx.ports.today()) : null;
    return months === null ? null : storeAnswers(ctx, state, { [pending.fact]: months });
  }
  const yes = parseBoolean(said);
  if (yes === false) return reAsk(ctx, { ...state, pending: null }, text.correctValuePlease);
  if (yes !== true) return null;
  return storeAnswers(ctx, state, { [pending.fact]: pending.value });
}

/** The current question again, without progress (after a side question). */
export function currentQuestion(ctx: DialogueContext, state: DialogueState): string {
  return formatQuestion(definitionOf(ctx, state.assessment!.current!), null);
}

/** The current question again, after why (by default: the reply was not understood). */
export function reAsk(ctx: DialogueContext, state: DialogueState, reason: string = text.notUnderstood): Turn {
  const fact = state.assessment!.current!;
  return { replies: [formatReAsk(definitionOf(ctx, fact), reason)], state };
}

/** Skips in a row that earn the founder a word on 结果 (once per run of skips). */
const SKIPS_BEFORE_HINT = 3;

export async function skipCurrent(ctx: DialogueContext, state: DialogueState): Promise<Turn> {
  const assessment = state.assessment!;
  const view = await ctx.ports.assessments.skip(ctx.founderId, assessment.id, assessment.current!);
  return step(ctx, state, view, [skipsInARow(view) === SKIPS_BEFORE_HINT ? text.skippedSeveral : text.skipped]);
}

/** How many of the last questions asked were skipped, back to the last one answered. */
function skipsInARow(view: { asked: readonly string[]; skipped: readonly string[] }): number {
  let count = 0;
  for (let i = view.asked.length - 1; i >= 0 && view.skipped.includes(view.asked[i]!); i -= 1) count += 1;
  return count;
}

export async function goBack(ctx: DialogueContext, state: DialogueState): Promise<Turn> {
  const assessment = state.assessment!;
  try {
    return step(ctx, state, await ctx.ports.assessments.back(ctx.founderId, assessment.id), []);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    // Nothing answered yet: stay on the first question.
    return assessment.current ? reAsk(ctx, state, text.firstQuestion) : { replies: [text.firstQuestion], state };
  }
}

/** "修改 职工人数": that question now, its stored answer shown, in the chat's assessment or a new one. */
export async function revisitFact(ctx: DialogueContext, state: DialogueState, fact: string): Promise<Turn> {
  const open = (await currentView(ctx, state))
    ? state
    : (await startAssessment(ctx, { ...state, assessment: null }, { policies: [], topic: null, tagged: false })).state;
  return step(ctx, open, await ctx.ports.assessments.revisit(ctx.founderId, open.assessment!.id, fact), []);
}

/** Forgets every answer and starts over with the same scope. */
export async function restartAssessment(ctx: DialogueContext, state: DialogueState): Promise<Turn> {
  const view = await currentView(ctx, state);
  const answers = await ctx.ports.answers(ctx.founderId);
  await ctx.ports.forgetAnswers(ctx.founderId, Object.keys(answers));
  const scope: AssessmentScope = {
    policies: view?.policies ?? [],
    topic: state.assessment?.topic ?? null,
    tagged: view?.topic !== null && view?.topic !== undefined,
  };
  return startAssessment(ctx, state, scope, text.restarted);
}

export function quitAssessment(state: DialogueState): Turn {
  return { replies: [text.quit], state: { ...state, mode: 'idle' } };
}

/** The verdicts so far: for the chat's assessment, or for every policy ("详细": all of them with reasons). */
export async function showResults(
  ctx: DialogueContext,
  state: DialogueState,
  options: { detailed?: boolean } = {},
): Promise<Turn> {
  const view = await currentView(ctx, state);
  const answers = view ? null : await ctx.ports.answers(ctx.founderId);
  if (answers && Object.keys(answers).length === 0) return { replies: [text.noResults], state };
  const check = view ? view.check : ctx.ports.check({ answers: answers! });
  const final = view ? !view.question : !check.nextQuestion;
  const replies = formatResults(ctx, check, { final, answered: view ? view.asked.length : 0, ...options });
  return { replies, state: { ...state, lastPolicy: firstNo(check) ?? state.lastPolicy } };
}

/** What "为什么" is about: the policy last mentioned, else the first "no" of the open assessment. */
export async function whyTarget(ctx: DialogueContext, state: DialogueState): Promise<string | null> {
  if (state.lastPolicy) return state.lastPolicy;
  const view = await currentView(ctx, state);
  return view ? firstNo(view.check) : null;
}

/** The "no" a founder is most likely to ask "为什么" about: a near miss first, then any other. */
function firstNo(check: CheckResult): string | null {
  const no = check.evaluation.results.filter((r) => r.status === 'not_eligible' && !r.notNeeded);
  return (no.find((r) => r.nearMiss.length > 0) ?? no[0])?.policy ?? null;
}
