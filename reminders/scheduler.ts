/**
 * node-cron in Asia/Shanghai: the daily plan at REMINDER_CRON, and a frequent
 * tick that sends what came due since (retries, the morning after quiet hours,
 * tomorrow's share of the daily cap). Both are no-ops while another replica
 * holds the lease. On start the plan runs once, so a restart after the cron
 * time still plans the day (planning twice adds nothing).
 */
import { randomUUID } from 'node:crypto';
import { schedule, ScheduledTask, validate } from 'node-cron';
import { withLogContext } from '../logging/log-context';
import { loggableError } from '../logging/loggable-error';
import type { Logger } from '../logging/logger';
import type { ReminderRunner, RunSummary } from './runner';

export const TIMEZONE = 'Asia/Shanghai';
export const RETRY_TICK = '*/5 * * * *';

export interface SchedulerOptions {
  /** REMINDER_CRON, e.g. `0 9 * * *`. */
  planCron: string;
  retryCron?: string;
  planOnStart?: boolean;
}

export interface ReminderScheduler {
  stop(): Promise<void>;
}

export class InvalidCronError extends Error {
  constructor(expression: string) {
    super(`REMINDER_CRON is not a valid cron expression: "${expression}"`);
    this.name = 'InvalidCronError';
  }
}

export function startReminderScheduler(
  runner: ReminderRunner,
  logger: Logger,
  options: SchedulerOptions,
): ReminderScheduler {
  const retryCron = options.retryCron ?? RETRY_TICK;
  for (const expression of [options.planCron, retryCron])
    if (!validate(expression)) throw new InvalidCronError(expression);

  const report = (what: string) => (summary: RunSummary) => {
    if (summary.status === 'busy') return;
    const { send } = summary;
    if (summary.planned + send.messages + send.failed + send.skipped + summary.overdue === 0) return;
    logger.info({ planned: summary.planned, ...send, overdue: summary.overdue }, `reminders: ${what} done`);
  };
  // The run's lines, its report and its failure share one run_id.
  const run = (what: string, plan: boolean) => () =>
    withLogContext({ run_id: randomUUID() }, () =>
      runner
        .run({ plan })
        .then(report(what))
        .catch((error: unknown) => logger.error({ err: loggableError(error) }, `reminders: ${what} failed`)),
    );

  const tasks: ScheduledTask[] = [
    schedule(options.planCron, run('daily plan', true), {
      timezone: TIMEZONE,
      name: 'reminders-plan',
      noOverlap: true,
    }),
    schedule(retryCron, run('retry tick', false), { timezone: TIMEZONE, name: 'reminders-retry', noOverlap: true }),
  ];
  if (options.planOnStart ?? true) void run('start-up plan', true)();
  logger.info({ planCron: options.planCron, retryCron, timezone: TIMEZONE }, 'reminders: scheduler started');

  return {
    async stop() {
      for (const task of tasks) await task.destroy();
      await runner.stop();
    },
  };
}
