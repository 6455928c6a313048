/**
 * The page's controller: asks the stateless check for the next question after
 * every answer, keeps the progress in this browser, and shows the results.
 * State lives in `progress` (saved on every change); every view is drawn
 * afresh from it, then converted to traditional when the founder chose so.
 */
import { ApiError, calendarUrl, checkLadder, checkSummary, incubatorsFor, policyDetail } from './api.js';
import type { Question, Summary, Value } from './api.js';
import { h, show } from './dom.js';
import { renderCalendarLink, renderIncubators, renderLadder, renderShare } from './extras-view.js';
import { renderPolicyDetail } from './policy-view.js';
import {
  emptyProgress,
  loadOwnProgress,
  loadProgress,
  loadScript,
  saveOwnProgress,
  saveProgress,
  saveScript,
  type Progress,
  type Script,
} from './progress-store.js';
import { focusQuestion, renderQuestion, type QuestionHandlers } from './question-view.js';
import { renderVerdicts } from './results-view.js';
import { convertToTraditional } from './script-switch.js';
import { decodeShare, shareUrl } from './share-link.js';

const app = document.getElementById('app')!;
const switchButton = document.getElementById('script-switch') as HTMLButtonElement;

let progress: Progress = loadProgress();
/** The founder's own answers, kept aside while a share link shows another set (null: none kept). */
let ownProgress: Progress | null = loadOwnProgress();
let script: Script = loadScript();

/** Draws a view into the page, in the founder's script. */
async function paint(...children: (HTMLElement | null)[]): Promise<void> {
  show(app, ownProgressNotice(), ...children);
  // The whole page, header, footer and title too (the switch itself is marked to keep its label).
  if (script === 'hant') await convertToTraditional(document.body);
}

function changed(): void {
  saveProgress(progress);
}

function failure(error: unknown): HTMLElement {
  const message = error instanceof ApiError ? error.message : '出错了，请稍后再试。';
  return h(
    'section',
    { class: 'card' },
    h('p', { class: 'error', role: 'alert' }, message),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'primary', onclick: () => void refresh() }, '重试'),
      // Answers the API refuses (an old or edited share link) would fail every retry.
      h('button', { type: 'button', onclick: () => restart() }, '重新开始'),
    ),
  );
}

/**
 * One step at a time: a second tap while the API answers the first (a
 * double tap on 是) would otherwise record the same question twice.
 */
let busy = false;
function oneAtATime(step: () => Promise<void>): void {
  if (busy) return;
  busy = true;
  step().finally(() => (busy = false));
}

const handlers: QuestionHandlers = {
  answer(question, value) {
    oneAtATime(() => {
      progress.answers[question.fact] = value;
      progress.skipped = progress.skipped.filter((fact) => fact !== question.fact);
      progress.history.push(question);
      changed();
      return refresh(question);
    });
  },
  skip(question) {
    oneAtATime(() => {
      delete progress.answers[question.fact];
      if (!progress.skipped.includes(question.fact)) progress.skipped.push(question.fact);
      progress.history.push(question);
      changed();
      return refresh();
    });
  },
  back() {
    oneAtATime(async () => {
      const question = progress.history.pop();
      if (!question) return;
      const previous = progress.answers[question.fact];
      delete progress.answers[question.fact];
      progress.skipped = progress.skipped.filter((fact) => fact !== question.fact);
      changed();
      await checkSummary(progress.answers, progress.skipped)
        .then((summary) => askQuestion(question, summary, { previous }))
        .catch((error) => paint(failure(error)));
    });
  },
  results() {
    oneAtATime(() => {
      progress.view = 'results';
      changed();
      return refresh();
    });
  },
};

async function askQuestion(question: Question, summary: Summary, extra: { previous?: Value; error?: string } = {}) {
  const section = renderQuestion(
    question,
    {
      // Counted from the answers, not the history: a shared link's answers come without one.
      number: Object.keys(progress.answers).length + progress.skipped.length + 1,
      summary,
      canGoBack: progress.history.length > 0,
      ...extra,
    },
    handlers,
  );
  await paint(section);
  focusQuestion(section);
}

/**
 * Asks the API where the founder stands. `justAnswered`: an answer the API
 * refuses (out of range) is taken back and its question asked again with why.
 */
async function refresh(justAnswered?: Question): Promise<void> {
  let summary: Summary;
  try {
    summary = await checkSummary(progress.answers, progress.skipped);
  } catch (error) {
    if (justAnswered && error instanceof ApiError && error.status === 400) {
      delete progress.answers[justAnswered.fact];
      progress.history.pop();
      changed();
      const before = await checkSummary(progress.answers, progress.skipped).catch(() => null);
      if (before) return askQuestion(justAnswered, before, { error: error.message });
    }
    return paint(failure(error));
  }
  if (progress.view === 'questions' && summary.next_question) return askQuestion(summary.next_question, summary);
  progress.view = 'results';
  changed();
  return showResults(summary);
}

async function showResults(summary: Summary): Promise<void> {
  const answers = progress.answers;
  const [ladder, incubators] = await Promise.all([
    checkLadder(answers).catch(() => null),
    incubatorsFor(answers).catch(() => []),
  ]);
  const heading = h('h1', { id: 'results-title', tabindex: -1 }, '你的结果');
  const open = (policy: string, panel: HTMLElement) => {
    panel.append(h('p', { class: 'status' }, '正在加载…'));
    policyDetail(policy, answers)
      .then(async (detail) => {
        show(panel, ...renderPolicyDetail(detail));
        if (script === 'hant') await convertToTraditional(panel);
      })
      .catch((error) => show(panel, failure(error)));
  };
  const intro = h(
    'p',
    {},
    summary.next_question
      ? '根据你目前的回答得出。多回答几题，结论会更确定。'
      : '根据你的回答得出。点开每项政策可以看到逐条条件、申请方式和来源。',
  );
  const actions = h(
    'div',
    { class: 'actions' },
    summary.next_question
      ? h(
          'button',
          { type: 'button', class: 'primary', id: 'continue', onclick: () => continueQuestions() },
          '继续回答',
        )
      : null,
    h('button', { type: 'button', id: 'restart', onclick: () => restart() }, '重新开始'),
  );
  await paint(
    h('section', { 'aria-labelledby': 'results-title' }, heading, intro, actions),
    ...renderVerdicts(summary, { open }),
    ladder?.rungs?.length ? renderLadder(ladder) : null,
    renderIncubators(incubators),
    renderCalendarLink(calendarUrl(answers)),
    renderShare(shareUrl(location.origin + location.pathname, answers, progress.skipped)),
  );
  heading.focus();
}

function continueQuestions(): void {
  progress.view = 'questions';
  changed();
  void refresh();
}

/** While a share link's answers are shown: the founder's own are kept, one tap away. */
function ownProgressNotice(): HTMLElement | null {
  if (!ownProgress) return null;
  return h(
    'section',
    { class: 'card', id: 'own-progress', role: 'status' },
    h('p', {}, '现在显示的是分享链接里的回答。你之前在这个浏览器里填写的回答还在，没有被覆盖。'),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'primary', id: 'restore-own', onclick: () => restoreOwn() }, '恢复我的回答'),
      h('button', { type: 'button', id: 'drop-own', onclick: () => dropOwn() }, '不需要了'),
    ),
  );
}

function restoreOwn(): void {
  progress = ownProgress ?? progress;
  ownProgress = null;
  saveOwnProgress(null);
  changed();
  void refresh();
}

function dropOwn(): void {
  if (!confirm('删除你之前在这个浏览器里填写的回答？')) return;
  ownProgress = null;
  saveOwnProgress(null);
  void refresh();
}

function sameAnswers(a: Progress, b: { answers: Progress['answers']; skipped: string[] }): boolean {
  const facts = Object.keys(a.answers);
  return (
    facts.length === Object.keys(b.answers).length &&
    facts.every((fact) => a.answers[fact] === b.answers[fact]) &&
    a.skipped.length === b.skipped.length &&
    a.skipped.every((fact) => b.skipped.includes(fact))
  );
}

function restart(): void {
  if (!confirm('清空所有回答，重新开始？')) return;
  progress = emptyProgress();
  changed();
  void refresh();
}

function showScriptChoice(): void {
  document.documentElement.lang = script === 'hant' ? 'zh-TW' : 'zh-CN';
  switchButton.textContent = script === 'hant' ? '简体' : '繁體';
  switchButton.setAttribute('aria-label', script === 'hant' ? '切换到简体中文' : '切換到繁體中文');
}

switchButton.addEventListener('click', () => {
  script = script === 'hant' ? 'hans' : 'hant';
  saveScript(script);
  // Back to simplified needs the original text, header and title included: the page
  // is loaded again from its HTML and resumes from storage like any reload.
  if (script === 'hans') return location.reload();
  showScriptChoice();
  void refresh();
});

// A share link opens the same results, and the fragment is dropped so that a reload
// resumes from storage like any visit. The founder's own answers in this browser, if
// different, are kept aside (not overwritten) until they bring them back or drop them;
// a second link keeps the first set aside, which is theirs.
const shared = decodeShare(location.hash);
if (shared) {
  const hasOwn = Object.keys(progress.answers).length > 0 || progress.skipped.length > 0;
  if (!ownProgress && hasOwn && !sameAnswers(progress, shared)) {
    ownProgress = progress;
    saveOwnProgress(ownProgress);
  }
  progress = { ...emptyProgress(), answers: shared.answers, skipped: shared.skipped, view: 'results' };
  changed();
  history.replaceState(null, '', location.pathname);
}
// A link pasted into this very tab changes only the fragment: open it as a visit would.
window.addEventListener('hashchange', () => {
  if (decodeShare(location.hash)) location.reload();
});
showScriptChoice();
void refresh();
