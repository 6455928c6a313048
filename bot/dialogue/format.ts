/**
 * Small shapers shared by the dialogue replies: sources with their
 * verification date, application windows, and a question with its options
 * and example. Fact values are formatted by rules/format-value.
 */
import type { ConcreteWindow } from '../../rules/results';
import type { FactDefinition, Source } from '../../rules/catalogue';
import { text } from '../messages';

export function formatSources(sources: readonly Source[]): string {
  return sources
    .slice(0, 2)
    .map((source) => (source.number ? text.paren(source.title, source.number) : source.title))
    .join('、');
}

export function sourceLine(sources: readonly Source[], verifiedAt: string): string {
  return text.source(formatSources(sources), verifiedAt);
}

/** The window as a founder reads it; `withNote: false` for a one-line summary ("常年受理", "截止 …"). */
export function formatWindow(window: ConcreteWindow | null, { withNote = true } = {}): string {
  if (!window) return text.windowUnknown;
  const when = window.rolling ? text.windowRolling : text.windowRange(window.opens, window.closes);
  return withNote && window.note ? text.paren(when, window.note) : when;
}

export interface QuestionHeader {
  number: number;
  remaining: number;
  previous?: string;
}

/** The question as one message: progress, the question, options or example. */
export function formatQuestion(definition: FactDefinition, header: QuestionHeader | null): string {
  const lines: string[] = [];
  if (header) lines.push(text.progress(header.number, header.remaining));
  lines.push(definition.question);
  if (header?.previous) lines.push(text.previousAnswer(header.previous));
  if (definition.type === 'enum' && definition.options?.length) {
    definition.options.forEach((option, index) => lines.push(text.optionLine(index + 1, option.label)));
    lines.push(text.optionsHint);
  } else if (definition.example) {
    if (!definition.question.includes(definition.example)) lines.push(text.example(definition.example));
  } else if (definition.type === 'boolean') {
    lines.push(text.booleanHint);
  }
  return lines.join('\n');
}

/** The question again after a reply it could not read, with its example (and unit, unless the question says it). */
export function formatReAsk(definition: FactDefinition, reason: string): string {
  const lines = [reason + text.askAgain, formatQuestion(definition, null)];
  if (definition.type !== 'enum' && definition.unit && !definition.question.includes(definition.unit.trim())) {
    lines.push(text.unitHint(definition.unit));
  }
  return lines.join('\n');
}
