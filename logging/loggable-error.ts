/**
 * What an unexpected error may put in the logs: its type, code and stack
 * frames, not its message or SQL parameters, which can quote an openid or an
 * answer ("Duplicate entry 'o…' for key…"). Used by every adapter.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const frames = (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  return { type: error.constructor.name, code: (error as { code?: unknown }).code, stack: frames.join('\n') };
}
