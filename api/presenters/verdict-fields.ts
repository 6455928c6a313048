/**
 * The per-field shaping of a verdict shared by the reference presenters
 * (./eligibility) and the direct JSON writer (./verdict-json), so both say
 * the same thing.
 */
import type { Source } from '../../rules/catalogue';
import type { ConcreteWindow } from '../../rules/results';
import { messages } from '../messages';

export function sourceText(source: Source): string {
  return [source.title, source.number, source.url].filter(Boolean).join(' ');
}

export function deadlineOf(window: ConcreteWindow | null): string | null {
  if (!window) return null;
  if (window.closes) return window.closes;
  return window.rolling ? messages.rollingWindow : null;
}

export function presentWindow(window: ConcreteWindow | null) {
  if (!window) return null;
  return {
    key: window.key,
    opens: window.opens ?? null,
    closes: window.closes ?? null,
    rolling: window.rolling,
    note: window.note ?? null,
  };
}

/** The benefit's first clause, for a list. */
export function benefitLine(description: string): string {
  // Up to the first clause break outside brackets and quotes ("（…，…）" stays whole).
  let depth = 0;
  for (let i = 0; i < description.length; i += 1) {
    const c = description[i]!;
    if ('（(“「'.includes(c)) depth += 1;
    else if ('）)”」'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && '；;。，'.includes(c)) return description.slice(0, i);
  }
  return description;
}
