/**
 * The dialogue state stored per chat, and its version. Bump STATE_VERSION
 * whenever the shape changes and add a step to MIGRATIONS, so a deploy never
 * breaks a conversation in the middle: an older state is migrated step by
 * step; one that cannot be (unknown version, broken JSON) is replaced by a
 * fresh state and the founder gets an apology, never a crash.
 */
import type { FactValue } from '../../rules/catalogue';
import type { Script } from '../chinese-script';

export const STATE_VERSION = 1;

/**
 * The chat's view of an assessment. The assessment itself (scope, order of
 * questions, skipped facts) is persisted by AssessmentService; the chat keeps
 * only what it needs between messages.
 */
export interface AssessmentState {
  /** The persisted Assessment. */
  id: string;
  /** The topic word the founder used ("落户"), for the replies. */
  topic: string | null;
  /** The fact the next message answers, or null when the assessment is finished. */
  current: string | null;
  /** Policies already announced as eligible along the way. */
  announced: string[];
}

/** A value read from the founder's words that needs their yes before it is stored ("0.045" → 4.5 %?). */
export type PendingValue =
  | { fact: string; value: FactValue }
  /** "2023年注册的": the month comes next ("3月"), and makes the date. */
  | { fact: string; year: number };

export interface DialogueState {
  mode: 'idle' | 'assessing' | 'confirming_erase' | 'confirming_restart';
  assessment: AssessmentState | null;
  /** The script of the founder's last message that showed one; replies use it. */
  script: Script;
  /** Added within version 1 (optional, so earlier states stay valid): a value awaiting confirmation. */
  pending?: PendingValue | null;
  /** The policy the last reply gave a verdict or card for: what "为什么" asks about. */
  lastPolicy?: string | null;
}

export function initialState(): DialogueState {
  return { mode: 'idle', assessment: null, script: 'cn' };
}

export type Migration = (state: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] turns a version-n state into a version-(n+1) state. None yet: version 1 is the first shape. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type Restored = { state: DialogueState; reset: boolean };

function isState(value: unknown): value is DialogueState {
  if (!value || typeof value !== 'object') return false;
  const state = value as Partial<DialogueState>;
  const modes = ['idle', 'assessing', 'confirming_erase', 'confirming_restart'];
  if (!modes.includes(state.mode as string) || !['cn', 'tw', 'hk'].includes(state.script as string)) return false;
  if (state.pending != null && (typeof state.pending !== 'object' || typeof state.pending.fact !== 'string'))
    return false;
  if (state.lastPolicy != null && typeof state.lastPolicy !== 'string') return false;
  const a = state.assessment;
  if (a === null) return state.mode !== 'assessing';
  return (
    !!a &&
    typeof a.id === 'string' &&
    Array.isArray(a.announced) &&
    (a.topic === null || typeof a.topic === 'string') &&
    (a.current === null || typeof a.current === 'string')
  );
}

/** Reads a stored state of any version; `reset` says it had to start over. */
export function restoreState(
  version: number,
  json: string,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  current = STATE_VERSION,
): Restored {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return { state: initialState(), reset: true };
  }
  for (let v = version; v < current; v += 1) {
    const step = migrations[v];
    if (!step) return { state: initialState(), reset: true };
    value = step(value);
  }
  if (version > current || !isState(value)) return { state: initialState(), reset: true };
  return { state: value, reset: false };
}

export function serializeState(state: DialogueState): string {
  return JSON.stringify(state);
}
