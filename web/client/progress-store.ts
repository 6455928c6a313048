/**
 * The founder's progress, kept in this browser only (localStorage), so that a
 * reload resumes where they were. Nothing is stored on the server.
 */
import type { Answers, Question } from './api.js';

export interface Progress {
  answers: Answers;
  /** Facts the founder chose not to answer: never asked again. */
  skipped: string[];
  /** The questions answered or skipped, in order, for 上一题. */
  history: Question[];
  view: 'questions' | 'results';
}

const KEY = 'founder-guide:progress:v1';

export const emptyProgress = (): Progress => ({ answers: {}, skipped: [], history: [], view: 'questions' });

export function loadProgress(): Progress {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Progress> | null;
    if (!stored || typeof stored.answers !== 'object' || stored.answers === null) return emptyProgress();
    return {
      answers: stored.answers,
      skipped: Array.isArray(stored.skipped) ? stored.skipped : [],
      history: Array.isArray(stored.history) ? stored.history : [],
      view: stored.view === 'results' ? 'results' : 'questions',
    };
  } catch {
    // Storage refused (private mode) or unreadable: start afresh rather than fail.
    return emptyProgress();
  }
}

export function saveProgress(progress: Progress): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(progress));
  } catch {
    // Private mode: the page still works, it just will not resume after a reload.
  }
}

const SCRIPT_KEY = 'founder-guide:script';
export type Script = 'hans' | 'hant';

export function loadScript(): Script {
  try {
    return localStorage.getItem(SCRIPT_KEY) === 'hant' ? 'hant' : 'hans';
  } catch {
    return 'hans';
  }
}

export function saveScript(script: Script): void {
  try {
    localStorage.setItem(SCRIPT_KEY, script);
  } catch {
    // As above: the choice lasts until the page is left.
  }
}
