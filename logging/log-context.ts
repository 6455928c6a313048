/**
 * What every log line of one piece of work carries without being handed a
 * logger: the API request's id (`req_id`, set by api/middleware/request-id.ts)
 * or the reminder run's id (`run_id`, reminders/runner.ts). The logger adds
 * the current context to each line (logging/logger.ts), so a service or the
 * sender logs with the plain logger and the line still says what it was part of.
 *
 * AsyncLocalStorage follows the work across awaits. On Node 20 it installs
 * promise hooks once first used, which costs every promise in the process a
 * little; one id per request is worth that, so it is used here and nowhere else.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface LogContext {
  req_id?: string;
  run_id?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `work` with `context` added to the context it was called in. */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, work);
}

/** The ids of the work in progress, for the logger's mixin ({} outside any). */
export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}
