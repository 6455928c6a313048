import { silentLogger } from '../../logging/logger';
import type { ReminderRunner, RunOptions } from '../../reminders/runner';
import { InvalidCronError, startReminderScheduler } from '../../reminders/scheduler';
import { emptyCounts } from '../../reminders/sender';
import { capturedLogger } from '../support/captured-logger';
import { waitUntil } from '../support/wait-until';

function fakeRunner() {
  const calls: RunOptions[] = [];
  const runner = {
    calls,
    run: jest.fn(async (options: RunOptions = {}) => {
      calls.push(options);
      return { at: new Date(), status: 'done' as const, plan: null, planned: 0, send: emptyCounts(), overdue: 0 };
    }),
    stop: jest.fn(async () => undefined),
  };
  return runner as typeof runner & ReminderRunner;
}

describe('the reminder scheduler (node-cron, Asia/Shanghai)', () => {
  afterEach(() => jest.useRealTimers());

  it('refuses an invalid REMINDER_CRON with a clear error', () => {
    expect(() => startReminderScheduler(fakeRunner(), silentLogger(), { planCron: '0 25 * * *' })).toThrow(
      InvalidCronError,
    );
  });

  it('runs the daily plan at 09:00 Shanghai time (01:00 UTC), the retry tick in between, and stops cleanly', async () => {
    jest.useFakeTimers({ now: new Date('2026-05-20T00:58:30Z') });
    const runner = fakeRunner();
    const scheduler = startReminderScheduler(runner, silentLogger(), { planCron: '0 9 * * *', planOnStart: false });
    await jest.advanceTimersByTimeAsync(60_000); // 08:59:30 Shanghai: nothing yet
    expect(runner.calls).toEqual([]);
    await jest.advanceTimersByTimeAsync(60_000); // past 09:00 Shanghai
    expect(runner.calls).toContainEqual({ plan: true });
    await jest.advanceTimersByTimeAsync(5 * 60_000); // past 09:05: a retry tick
    expect(runner.calls).toContainEqual({ plan: false });
    await scheduler.stop();
    expect(runner.stop).toHaveBeenCalled();
    const count = runner.calls.length;
    await jest.advanceTimersByTimeAsync(24 * 60 * 60_000);
    expect(runner.calls).toHaveLength(count);
  });

  it('plans once at start, so a restart after 09:00 still plans the day', async () => {
    const runner = fakeRunner();
    const scheduler = startReminderScheduler(runner, silentLogger(), { planCron: '0 9 * * *' });
    await scheduler.stop();
    expect(runner.calls[0]).toEqual({ plan: true });
  });

  it('gives a run’s own lines and its report one run_id', async () => {
    const log = capturedLogger('info');
    const runner = fakeRunner();
    runner.run.mockImplementation(async () => {
      log.logger.warn('reminders: send failed'); // as the sender logs, inside the run
      return { at: new Date(), status: 'done' as const, plan: null, planned: 1, send: emptyCounts(), overdue: 0 };
    });
    const scheduler = startReminderScheduler(runner, log.logger, { planCron: '0 9 * * *' });
    const report = await waitUntil(
      () => log.lines().find((line) => line.msg === 'reminders: start-up plan done'),
      'the start-up plan’s report',
    );
    await scheduler.stop();
    const inside = log.lines().find((line) => line.msg === 'reminders: send failed');
    expect(report.run_id).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
    expect(inside?.run_id).toBe(report.run_id);
  });
});
