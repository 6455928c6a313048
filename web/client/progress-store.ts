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

/**
 * The founder's own progress, set aside while a share link shows someone
 * else's answers (main.ts), until they bring it back or drop it.
 */
const OWN_KEY = 'founder-guide:own-progress-before-share:v1';

export const emptyProgress = (): Progress => ({ answers: {}, skipped: [], history: [], view: 'questions' });

/** What is stored under `key`, or null when nothing usable is. */
function read(key: string): Progress | null {
  try {
    const stored = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<Progress> | null;
    if (!stored || typeof stored.answers !== 'object' || stored.answers === null) return null;
    return {
      answers: stored.answers,
      skipped: Array.isArray(stored.skipped) ? stored.skipped : [],
      history: Array.isArray(stored.history) ? stored.history : [],
      view: stored.view === 'results' ? 'results' : 'questions',
    };
  } catch {
    // Storage refused (private mode) or unreadable: start afresh rather than fail.
    return null;
  }
}

function write(key: string, progress: Progress | null): void {
  try {
    if (progress) localStorage.setItem(key, JSON.stringify(progress));
    else localStorage.removeItem(key);
  } catch {
    // Private mode: the page still works, it just will not resume after a reload.
  }
}

export const loadProgress = (): Progress => read(KEY) ?? emptyProgress();
export const saveProgress = (progress: Progress): void => write(KEY, progress);
export const loadOwnProgress = (): Progress | null => read(OWN_KEY);
/** null: the founder's own progress is back in use, or dropped. */
export const saveOwnProgress = (progress: Progress | null): void => write(OWN_KEY, progress);

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
