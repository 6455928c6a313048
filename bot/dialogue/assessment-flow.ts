/**
 * The adaptive assessment in chat: the rules engine picks each next question
 * (only what can still change a verdict), the founder answers in their own
 * words, skips, goes back or restarts. Answers go to the founder's profile as
 * soon as they are given, so nothing is lost if the chat stops.
 */
import { ValidationError } from '../../errors';
import type { Answers, FactDefinition } from '../../rules/catalogue';
import type { NextQuestion } from '../../rules/results';
import type { CheckResult } from '../../services/eligibility-service';
import { text } from '../messages';
import { parseAnswer } from '../parse/answer';
import type { DialogueContext, Turn } from './context';
import { formatQuestion, formatReAsk, formatValue } from './format';
import { formatResults } from './results-format';
import type { AssessmentState, DialogueState } from './state';

function definitionOf(ctx: DialogueContext, fact: string, question?: NextQuestion): FactDefinition {
  const known = ctx.ports.catalogue().facts[fact];
  if (known) return known;
  // Content changed under a running assessment: fall back to what the engine said.
  return { fact, type: question?.type ?? 'boolean', label: fact, question: question?.text ?? fact, why: '', ...question };
}

/** Stored answers limited to facts the catalogue in force still knows (content may have changed). */
async function usableAnswers(ctx: DialogueContext): Promise<Answers> {
  const facts = ctx.ports.catalogue().facts;
  const answers = await ctx.ports.answers(ctx.founderId);
  return Object.fromEntries(Object.entries(answers).filter(([fact]) => fact in facts));
}

function check(ctx: DialogueContext, assessment: AssessmentState, answers: Answers): CheckResult {
  const known = new Set(ctx.ports.catalogue().policies.map((policy) => policy.id));
  const policies = assessment.policies.filter((id) => known.has(id));
  return ctx.ports.check({
    answers,
    asOf: ctx.asOf,
    policies: policies.length > 0 ? policies : undefined,
    skipped: assessment.skipped.filter((fact) => fact in ctx.ports.catalogue().facts),
  });
}

/** Facts that may still be asked: what open (maybe) verdicts miss, minus skipped and the current one. */
function remainingAfter(result: CheckResult, assessment: AssessmentState, current: string): number {
  const missing = new Set(result.evaluation.results.filter((r) => r.status === 'maybe').flatMap((r) => r.missing));
  for (const fact of [...assessment.skipped, current]) missing.delete(fact);
  return missing.size;
}

/** Turns a fresh check into the next message: a question, or the results when nothing is left to ask. */
function step(ctx: DialogueContext, state: DialogueState, result: CheckResult, replies: string[]): Turn {
  const assessment = state.assessment!;
  const eligible = result.evaluation.results.filter((r) => r.status === 'eligible');
  const fresh = eligible.filter((r) => !assessment.announced.includes(r.policy));
  assessment.announced.push(...fresh.map((r) => r.policy));

  const question = result.nextQuestion;
  if (!question) {
    assessment.current = null;
    replies.push(...formatResults(ctx, result, { final: true, answered: assessment.asked.length }));
    return { replies, state: { ...state, mode: 'idle' } };
  }
  if (fresh.length > 0 && assessment.asked.length > 0) replies.push(text.goodNews(fresh.map((r) => r.title)));
  assessment.current = question.fact;
  const header = { number: assessment.asked.length + 1, remaining: remainingAfter(result, assessment, question.fact) };
  replies.push(formatQuestion(definitionOf(ctx, question.fact, question), header));
  return { replies, state: { ...state, mode: 'assessing' } };
}

export async function startAssessment(
  ctx: DialogueContext,
  state: DialogueState,
  scope: { policies: string[]; topic: string | null },
): Promise<Turn> {
  const answers = await usableAnswers(ctx);
  const assessment: AssessmentState = { ...scope, asked: [], skipped: [], current: null, announced: [] };
  const next = { ...state, assessment };
  const result = check(ctx, assessment, answers);
  // Verdicts already true before this assessment are shown with the results, not as news.
  assessment.announced = result.evaluation.results.filter((r) => r.status === 'eligible').map((r) => r.policy);
  const known = Object.keys(answers).length;
  return step(ctx, next, result, [text.assessmentIntro(scope.topic, known)]);
}

/** "开始测评" while one is open: carry on where it stopped. */
export async function resumeAssessment(ctx: DialogueContext, state: DialogueState): Promise<Turn> {
  const assessment = state.assessment!;
  return step(ctx, state, check(ctx, assessment, await usableAnswers(ctx)), []);
}

/** Reads the reply as the answer to the current question; null when it is not one. */
export async function answerCurrent(ctx: DialogueContext, state: DialogueState, said: string): Promise<Turn | null> {
  const assessment = state.assessment!;
  const fact = assessment.current!;
  const value = parseAnswer(definitionOf(ctx, fact), said);
  if (value === null) return null;
  const answers = { ...(await usableAnswers(ctx)), [fact]: value };
  let result: CheckResult;
  try {
    result = check(ctx, { ...assessment, skipped: assessment.skipped.filter((f) => f !== fact) }, answers);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const reason = error.details.find((d) => d.path.endsWith(fact))?.reason ?? error.message;
    return { replies: [formatReAsk(definitionOf(ctx, fact), text.outOfRange(reason))], state };
  }
  await ctx.ports.saveAnswers(ctx.founderId, { [fact]: value }, ctx.channel);
  assessment.asked.push(fact);
  assessment.skipped = assessment.skipped.filter((f) => f !== fact);
  return step(ctx, state, result, []);
}

/** The current question again, without progress (after a side question). */
export function currentQuestion(ctx: DialogueContext, state: DialogueState): string {
  return formatQuestion(definitionOf(ctx, state.assessment!.current!), null);
}

export function reAsk(ctx: DialogueContext, state: DialogueState, prefix: string[] = []): Turn {
  const fact = state.assessment!.current!;
  return { replies: [...prefix, formatReAsk(definitionOf(ctx, fact), text.notUnderstood)], state };
}

export async function skipCurrent(ctx: DialogueContext, state: DialogueState): Promise<Turn> {
  const assessment = state.assessment!;
  const fact = assessment.current!;
  const answers = await usableAnswers(ctx);
  if (fact in answers) {
    // Skipping a question revisited with "上一题" withdraws the earlier answer.
    await ctx.ports.forgetAnswers(ctx.founderId, [fact]);
    delete (answers as Record<string, unknown>)[fact];
  }
  assessment.asked.push(fact);
  if (!assessment.skipped.includes(fact)) assessment.skipped.push(fact);
  return step(ctx, state, check(ctx, assessment, answers), [text.skipped]);
}

export async function goBack(ctx: DialogueContext, state: DialogueState): Promise<Turn> {
  const assessment = state.assessment!;
  const previous = assessment.asked.pop();
  if (!previous) return reAsk(ctx, state, [text.firstQuestion]);
  assessment.skipped = assessment.skipped.filter((fact) => fact !== previous);
  assessment.current = previous;
  const definition = definitionOf(ctx, previous);
  const answers = await usableAnswers(ctx);
  const result = check(ctx, assessment, answers);
  const header = {
    number: assessment.asked.length + 1,
    remaining: remainingAfter(result, assessment, previous),
    previous: previous in answers ? formatValue(definition, answers[previous]!) : undefined,
  };
  return { replies: [formatQuestion(definition, header)], state: { ...state, mode: 'assessing' } };
}

/** Forgets every answer and starts over with the same scope. */
export async function restartAssessment(ctx: DialogueContext, state: DialogueState): Promise<Turn> {
  const answers = await ctx.ports.answers(ctx.founderId);
  await ctx.ports.forgetAnswers(ctx.founderId, Object.keys(answers));
  const scope = state.assessment ?? { policies: [], topic: null };
  const turn = await startAssessment(ctx, state, { policies: scope.policies, topic: scope.topic });
  return { ...turn, replies: [text.restarted, ...turn.replies.slice(1)] };
}

export function quitAssessment(state: DialogueState): Turn {
  return { replies: [text.quit], state: { ...state, mode: 'idle' } };
}

/** The verdicts so far, for the assessment's scope (or every policy). */
export async function showResults(ctx: DialogueContext, state: DialogueState): Promise<Turn> {
  const assessment = state.assessment ?? { policies: [], topic: null, asked: [], skipped: [], current: null, announced: [] };
  const answers = await usableAnswers(ctx);
  if (Object.keys(answers).length === 0) return { replies: [text.noResults], state };
  const result = check(ctx, assessment, answers);
  const final = !result.nextQuestion;
  return { replies: formatResults(ctx, result, { final, answered: assessment.asked.length }), state };
}
