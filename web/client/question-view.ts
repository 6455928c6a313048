/**
 * One question at a time, as `next_question` gives it: the text, its unit,
 * example and "why we ask"; yes/no and options as buttons (one press
 * answers), numbers in a labelled field. Focus goes to the field, or to the
 * heading for buttons, so that keyboard and screen-reader users land on the
 * new question.
 */
import type { Question, Summary, Value } from './api.js';
import { h } from './dom.js';

export interface QuestionHandlers {
  answer(question: Question, value: Value): void;
  skip(question: Question): void;
  back(): void;
  results(): void;
}

export interface QuestionState {
  number: number;
  summary: Summary;
  canGoBack: boolean;
  /** The value given before, when the founder came back to this question. */
  previous?: Value;
  error?: string;
}

function progressLine(state: QuestionState): HTMLElement {
  const inForce = state.summary.results.filter((r) => r.status !== 'not_in_force');
  const decided = inForce.filter((r) => r.status !== 'maybe').length;
  const text = `第 ${state.number} 题 · 已有结论的政策 ${decided} / ${inForce.length}`;
  return h(
    'div',
    { class: 'progress' },
    h('p', { class: 'progress', id: 'progress-text' }, text),
    h('progress', { max: inForce.length || 1, value: decided, 'aria-labelledby': 'progress-text' }),
  );
}

const NUMBER = /^-?\d+(\.\d+)?$/;

function parseNumber(question: Question, text: string): number | string {
  const cleaned = text.trim().replace(/[,，\s%％]/g, '');
  if (!NUMBER.test(cleaned)) return '请填写一个数字，例如 ' + (question.example ?? '10');
  const value = Number(cleaned);
  if (question.type === 'integer' && !Number.isInteger(value)) return '请填写整数';
  if (question.min !== null && value < question.min) return `不能小于 ${question.min}`;
  if (question.max !== null && value > question.max) return `不能大于 ${question.max}`;
  return value;
}

function choiceButtons(question: Question, handlers: QuestionHandlers, previous?: Value): HTMLElement {
  const choices =
    question.type === 'boolean'
      ? [
          { value: true as Value, label: '是' },
          { value: false as Value, label: '否' },
        ]
      : question.options.map((o) => ({ value: o.value as Value, label: o.label }));
  return h(
    'div',
    { class: 'options', role: 'group', 'aria-labelledby': 'question-title' },
    choices.map((choice) =>
      h(
        'button',
        {
          type: 'button',
          class: choice.value === previous ? 'option primary' : 'option',
          'data-value': String(choice.value),
          onclick: () => handlers.answer(question, choice.value),
        },
        choice.label,
      ),
    ),
  );
}

function numberForm(question: Question, handlers: QuestionHandlers, previous?: Value): HTMLElement {
  const error = h('p', { class: 'error', id: 'field-error', role: 'alert' });
  const input = h('input', {
    id: 'answer',
    name: 'answer',
    type: 'text',
    inputmode: question.type === 'integer' ? 'numeric' : 'decimal',
    autocomplete: 'off',
    placeholder: question.example ?? '',
    'aria-describedby': 'question-hint field-error',
    value: previous === undefined ? null : String(previous),
  });
  const submit = (event: Event) => {
    event.preventDefault();
    const parsed = parseNumber(question, input.value);
    if (typeof parsed === 'string') {
      error.textContent = parsed;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    handlers.answer(question, parsed);
  };
  return h(
    'form',
    { onsubmit: submit, novalidate: true },
    h('label', { for: 'answer', class: 'visually-hidden' }, question.text),
    h('div', { class: 'field' }, input, question.unit ? h('span', { class: 'unit' }, question.unit) : null),
    error,
    h('button', { type: 'submit', class: 'primary' }, '下一题'),
  );
}

export function renderQuestion(question: Question, state: QuestionState, handlers: QuestionHandlers): HTMLElement {
  const choice = question.type === 'boolean' || question.type === 'enum';
  const exampleShown = question.example && !question.text.includes(question.example);
  const hint = [question.unit ? `单位：${question.unit}` : '', exampleShown ? `例如：${question.example}` : '']
    .filter(Boolean)
    .join('　');
  return h(
    'section',
    { class: 'card question', 'data-fact': question.fact, 'data-type': question.type, 'data-step': state.number },
    progressLine(state),
    h('h1', { id: 'question-title', tabindex: -1 }, question.text),
    h('p', { class: 'hint', id: 'question-hint' }, hint),
    question.why ? h('p', { class: 'why' }, `为什么问：${question.why}`) : null,
    state.error ? h('p', { class: 'error', role: 'alert' }, state.error) : null,
    choice ? choiceButtons(question, handlers, state.previous) : numberForm(question, handlers, state.previous),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', id: 'skip', onclick: () => handlers.skip(question) }, '跳过（不清楚）'),
      state.canGoBack ? h('button', { type: 'button', id: 'back', onclick: () => handlers.back() }, '上一题') : null,
      h('button', { type: 'button', id: 'see-results', onclick: () => handlers.results() }, '先看结果'),
    ),
  );
}

/** Where focus goes once the question is on screen. */
export function focusQuestion(section: HTMLElement): void {
  const target = section.querySelector<HTMLElement>('#answer') ?? section.querySelector<HTMLElement>('#question-title');
  target?.focus();
}
