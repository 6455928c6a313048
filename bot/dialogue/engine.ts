/**
 * The transport-agnostic dialogue engine: (state, message, context) → replies
 * and the next state. WeChat and the terminal both call it; it holds no
 * policy knowledge (that comes from content through the ports) and does no
 * I/O of its own beyond the ports.
 */
import { NotFoundError } from '../../errors';
import { readScript, writeScript } from '../chinese-script';
import { text } from '../messages';
import { splitReplies } from '../split-replies';
import { recordAnswer, showApplications } from './application-answers';
import * as assessment from './assessment-flow';
import type { DialogueContext, Turn } from './context';
import {
  askToErase,
  cancelErase,
  erase,
  listReminders,
  showProfile,
  subscribe,
  unsubscribe,
  unsubscribeFrom,
} from './founder-answers';
import { factNamed } from './fact-names';
import { recommendIncubators } from './incubator-answers';
import { parseBoolean } from '../parse/answer';
import { classify, normalizeCommand } from './intents';
import { understand } from './understanding';
import { explainWhy } from './why-answers';
import { answerPolicyQuestion, findPolicies, namedPolicy } from './policy-answers';
import type { DialogueState } from './state';

function isAssessing(state: DialogueState): boolean {
  return state.mode === 'assessing' && !!state.assessment?.current;
}

/** A side question in the middle of an assessment: answer it, then put the question back. */
function keepAssessing(ctx: DialogueContext, state: DialogueState, replies: string[]): Turn {
  if (!isAssessing(state)) return { replies, state };
  return { replies: [...replies, `${text.assessingReminder}\n${assessment.currentQuestion(ctx, state)}`], state };
}

/** The policies a topic word names: those content tags with it, else those it names directly ("创新券"). */
function topicScope(ctx: DialogueContext, topic: string): assessment.AssessmentScope {
  const tagged = ctx.ports.policiesForTopic(topic);
  if (tagged.length > 0) return { policies: tagged, topic, tagged: true };
  return { policies: findPolicies(ctx, topic).map((policy) => policy.id), topic, tagged: false };
}

async function respond(state: DialogueState, said: string, ctx: DialogueContext): Promise<Turn> {
  const intent = classify(said);
  if (state.mode === 'confirming_erase') {
    return intent.kind === 'confirmErase' || intent.kind === 'erase' ? erase(ctx) : cancelErase(state);
  }
  if (state.mode === 'confirming_restart') {
    const resumed: DialogueState = { ...state, mode: state.assessment?.current ? 'assessing' : 'idle' };
    if (intent.kind === 'restart' || parseBoolean(said) === true) return assessment.restartAssessment(ctx, resumed);
    return keepAssessing(ctx, resumed, [text.restartCancelled]);
  }
  if (state.pending) {
    const confirmed = await assessment.confirmPending(ctx, state, said);
    if (confirmed) return confirmed;
    state = { ...state, pending: null };
  }
  const assessing = isAssessing(state);
  switch (intent.kind) {
    case 'help':
      return keepAssessing(ctx, state, ctx.firstContact ? [text.welcome, text.menu] : [text.menu]);
    case 'start':
      // An open assessment of everything carries on; one of a topic or policy gives way to everything.
      return state.assessment?.current && state.assessment.topic === null
        ? assessment.resumeAssessment(ctx, state)
        : assessment.startAssessment(ctx, state, { policies: [], topic: null, tagged: false });
    case 'topic': {
      const scope = topicScope(ctx, intent.topic);
      if (scope.policies.length === 0) return keepAssessing(ctx, state, [text.unknownTopic(intent.topic)]);
      return assessment.startAssessment(ctx, state, scope);
    }
    case 'skip':
      return assessing ? assessment.skipCurrent(ctx, state) : { replies: [text.noAssessment], state };
    case 'back':
      return state.assessment ? assessment.goBack(ctx, state) : { replies: [text.noAssessment], state };
    case 'restart':
      // Forgetting every answer cannot be undone: ask first.
      return { replies: [text.restartConfirm], state: { ...state, mode: 'confirming_restart' } };
    case 'quit':
      return assessing ? assessment.quitAssessment(state) : { replies: [text.noAssessment], state };
    case 'results':
      return assessment.showResults(ctx, state);
    case 'details':
      return assessment.showResults(ctx, state, { detailed: true });
    case 'why':
      return keepAssessing(ctx, state, await explainWhy(ctx, await assessment.whyTarget(ctx, state)));
    case 'profile':
      return keepAssessing(ctx, state, await showProfile(ctx));
    case 'erase':
      return askToErase(state);
    case 'unsubscribe':
      return keepAssessing(ctx, state, await unsubscribe(ctx));
    case 'reminders':
      return keepAssessing(ctx, state, await listReminders(ctx));
    case 'unsubscribeFrom': {
      if (/^(全部|所有|全部提醒|所有提醒)$/.test(intent.words))
        return keepAssessing(ctx, state, await unsubscribe(ctx));
      const match = namedPolicy(ctx, intent.words);
      if ('policy' in match) return keepAssessing(ctx, state, await unsubscribeFrom(ctx, match.policy));
      return keepAssessing(ctx, state, [text.policyNotFound(intent.words)]);
    }
    case 'subscribe': {
      if (!intent.words) return keepAssessing(ctx, state, await subscribe(ctx, null));
      const match = namedPolicy(ctx, intent.words);
      if ('policy' in match) return keepAssessing(ctx, state, await subscribe(ctx, match.policy));
      const titles = match.candidates.map((policy) => policy.title);
      const replies = titles.length > 0 ? [text.subscribeWhich(titles)] : [text.policyNotFound(intent.words)];
      return keepAssessing(ctx, state, replies);
    }
    case 'edit': {
      if (!intent.words) return keepAssessing(ctx, state, [text.editWhich]);
      // "修改 职工人数 为 70": the new value comes with the command.
      const [, name = intent.words, value] = /^(.+?)(?:改成|改为|换成|为|是|=|:|：)(.+)$/.exec(intent.words) ?? [];
      const fact = factNamed(ctx.ports.catalogue().facts, name);
      if (!fact) return keepAssessing(ctx, state, [text.editUnknown(intent.words)]);
      const revisited = await assessment.revisitFact(ctx, state, fact);
      if (!value) return revisited;
      return (await assessment.answerCurrent(ctx, revisited.state, value)) ?? revisited;
    }
    case 'incubators':
      return keepAssessing(ctx, state, await recommendIncubators(ctx, intent.words));
    case 'applied':
    case 'notApplied':
      return keepAssessing(ctx, state, await recordAnswer(ctx, intent.kind === 'applied'));
    case 'applications':
      return keepAssessing(ctx, state, await showApplications(ctx));
    case 'confirmErase':
    case 'other':
      return respondToFreeText(state, said, ctx);
  }
}

/**
 * "是", "没有", "对的" with no question open answer nothing: they must not find
 * whichever policy happens to contain the word ("是" in "不是补贴"). Longer
 * messages that start so ("没有注册能申请创新券吗") are questions.
 */
function isBareYesOrNo(said: string): boolean {
  return normalizeCommand(said).length <= 3 && parseBoolean(said) !== null;
}

/** "我能申请高企吗", "高企我够不够": asking about one policy's verdict, answered by assessing it. */
const ASKS_IF_ELIGIBLE =
  /(能|可以|能否|能不能|可不可以|有没有资格|够不够|够格|符不符合|是否符合|符合).{0,3}(申请|申报|拿到|评上|认定|享受|条件)?.*(吗|么|没|\?|？)$|够不够|有没有戏/;

async function respondToFreeText(state: DialogueState, said: string, ctx: DialogueContext): Promise<Turn> {
  if (isAssessing(state)) {
    const answered = await assessment.answerCurrent(ctx, state, said);
    if (answered) return answered;
    // Mid-assessment, only a policy named by title or alias is a side question: an answer
    // that was not understood but mentions a keyword ("一半左右是研发") gets its question
    // again, not a policy's whole page.
    const match = namedPolicy(ctx, said);
    const named = 'policy' in match ? [match.policy] : match.candidates;
    if (named.length > 0) return keepAssessing(ctx, state, await answerPolicyQuestion(ctx, named, said));
    if (isEnglish(said)) return keepAssessing(ctx, state, [text.english]);
    return assessment.reAsk(ctx, state);
  }
  if (isBareYesOrNo(said))
    return { replies: ctx.firstContact ? [text.welcome, text.menu] : [text.noAssessment], state };
  const { values, unsure } = understand(ctx, said, null);
  const match = namedPolicy(ctx, said);
  if ('policy' in match && ASKS_IF_ELIGIBLE.test(said)) {
    const scope = { policies: [match.policy.id], topic: match.policy.title, tagged: false };
    return assessment.startWithAnswers(ctx, state, scope, values, unsure);
  }
  // "我们公司2023年3月在上海注册的，现在80个人…": the founder has started telling us.
  if (Object.keys(values).length > 0 && !('policy' in match)) {
    return assessment.startWithAnswers(ctx, state, { policies: [], topic: null, tagged: false }, values, unsure);
  }
  const policies = findPolicies(ctx, said);
  if (policies.length > 0) {
    // One policy's page: "为什么" next asks about it.
    const lastPolicy = policies.length === 1 ? policies[0]!.id : state.lastPolicy;
    return { replies: await answerPolicyQuestion(ctx, policies, said), state: { ...state, lastPolicy } };
  }
  if (isEnglish(said)) return { replies: [text.english], state };
  const replies = ctx.firstContact ? [text.welcome, text.menu] : [text.fallback(said)];
  return { replies, state };
}

/** Common English words and no Chinese: the founder writes in English (not a typo or a code). */
const ENGLISH =
  /\b(i|you|we|what|how|can|could|help|hello|the|is|are|my|our|company|policy|policies|apply|startup|please|do|does|support|english|speak)\b/i;

function isEnglish(said: string): boolean {
  return ENGLISH.test(said) && !/\p{Script=Han}/u.test(said);
}

/** One message in, the replies out (split for WeChat, in the founder's script). */
export async function handle(state: DialogueState, message: string, ctx: DialogueContext): Promise<Turn> {
  const { simplified, script } = readScript(message.trim());
  const current: DialogueState = { ...state, script: script ?? state.script };
  const turn =
    ctx.ports.catalogue().policies.length === 0
      ? { replies: [text.noContent], state: current }
      : await respond(current, simplified, ctx).catch((error: unknown) => {
          // The assessment was erased elsewhere (the mini-program's "delete me"): start afresh.
          if (error instanceof NotFoundError)
            return { replies: [text.noAssessment], state: { ...current, mode: 'idle' as const, assessment: null } };
          throw error;
        });
  const replies = splitReplies(turn.replies).map((reply) => writeScript(reply, current.script));
  return { ...turn, replies, state: turn.erased ? turn.state : { ...turn.state, script: current.script } };
}
