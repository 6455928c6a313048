/**
 * One reminder run: take the database lease, plan the moment (outbox rows),
 * send what is due, let go. Used by the scheduler (daily plan, retry tick) and
 * the CLI. A second replica finds the lease taken and does nothing; a run in
 * this process never overlaps another one.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { DataSource, EntityManager } from 'typeorm';
import { dialectOf } from '../db/sql';
import { withSqliteSnapshot } from '../db/sqlite-snapshot';
import { currentLogContext, withLogContext } from '../logging/log-context';
import { loggableError } from '../logging/loggable-error';
import type { Logger } from '../logging/logger';
import { Clock, shanghaiDate } from '../services/clock';
import { addDays } from './calendar';
import type { ReminderChannel } from './channel';
import type { FittingPolicies, PolicyLookup } from './fitting-policies';
import { DatabaseLease, type LeaseHolder } from './lease';
import { Outbox } from './outbox';
import { LeaseLostError, PlanCounts, planReminders } from './planner';
import { emptyCounts, SendCounts, sendDue } from './sender';
import type { ReminderSettings } from './settings';

export const LEASE_NAME = 'reminders';

export interface RunnerDependencies {
  dataSource: DataSource;
  clock: Clock;
  /** Wall time for the lease (the CLI plans "as of" another moment, the lease is real). Defaults to `clock`. */
  leaseClock?: Clock;
  /** Available channels; rows for other channels wait in the outbox. */
  channels: readonly ReminderChannel[];
  catalogue: PolicyLookup;
  verdicts: FittingPolicies;
  settings: ReminderSettings;
  logger: Logger;
  holder?: string;
}

export interface RunOptions {
  /** Plan (default) or only send what is due (the retry tick). */
  plan?: boolean;
  /** Plan and count, then throw the plan away (see dryRun); send nothing. */
  dryRun?: boolean;
  progress?: (line: string) => void;
}

export interface RunSummary {
  at: Date;
  status: 'done' | 'busy' | 'dry_run';
  /** Busy: who holds the lease, and until when. */
  heldBy?: LeaseHolder;
  /** Rows a runner that stopped had claimed, put back in the queue at the start of this run. */
  reclaimed?: number;
  plan: PlanCounts | null;
  /** New outbox rows of this run (reminders + follow-ups). */
  planned: number;
  send: SendCounts;
  /** Pending rows cancelled because their deadline passed undelivered. */
  overdue: number;
  /** Dry run: rows that would be sent now, per channel. */
  due?: Record<string, { rows: number; founders: number }>;
}

class Rollback extends Error {}

export class ReminderRunner {
  private running: Promise<RunSummary> | null = null;
  private stopping = false;
  readonly holder: string;

  constructor(private readonly deps: RunnerDependencies) {
    this.holder = deps.holder ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  async run(options: RunOptions = {}): Promise<RunSummary> {
    if (this.running) return this.summary('busy');
    // Every log line of the run (each send's included) carries its id: the caller's (the
    // scheduler, which also reports the run), or a new one.
    const work = () => (options.dryRun ? this.dryRun(options) : this.leased(options));
    const runId = currentLogContext().run_id ?? randomUUID();
    this.running = withLogContext({ run_id: runId }, work).finally(() => (this.running = null));
    return this.running;
  }

  /** Lets the current run finish its message in flight, then stop; waits for it. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.running?.catch(() => undefined);
  }

  private async leased(options: RunOptions): Promise<RunSummary> {
    const { dataSource, settings } = this.deps;
    const lease = new DatabaseLease(
      dataSource,
      LEASE_NAME,
      this.holder,
      settings.leaseTtlMs,
      this.deps.leaseClock ?? this.deps.clock,
    );
    if (!(await lease.acquire())) {
      const busy = this.summary('busy');
      busy.heldBy = (await lease.current()) ?? undefined;
      options.progress?.('another runner holds the reminders lease; nothing to do here');
      return busy;
    }
    try {
      const summary = this.summary('done');
      const manager = dataSource.manager;
      summary.reclaimed = await new Outbox(manager).releaseAbandonedClaims(this.deps.clock.now());
      if (summary.reclaimed > 0) {
        options.progress?.(`${summary.reclaimed} reminder(s) claimed by a runner that stopped are due again`);
      }
      if (options.plan ?? true) {
        try {
          summary.plan = await planReminders(manager, summary.at, settings, this.deps.verdicts, {
            progress: options.progress,
            keepAlive: () => lease.keepAlive(),
          });
        } catch (error) {
          if (!(error instanceof LeaseLostError)) throw error;
          summary.send.stopped = 'lease_lost';
          return summary;
        }
        summary.planned = summary.plan.subscribed + summary.plan.fitting + summary.plan.followUps;
      }
      const today = shanghaiDate(this.deps.clock.now());
      summary.overdue = await new Outbox(manager).cancelOverdue(today, addDays(today, -2 * settings.followUpDays));
      summary.send = await sendDue(
        {
          manager,
          clock: this.deps.clock,
          channels: this.deps.channels,
          catalogue: this.deps.catalogue,
          settings,
          logger: this.deps.logger,
        },
        { keepAlive: () => lease.keepAlive(), shouldStop: () => this.stopping, progress: options.progress },
      );
      return summary;
    } finally {
      await lease
        .release()
        .catch((error: unknown) =>
          this.deps.logger.warn({ err: loggableError(error) }, 'reminders: could not release the lease'),
        );
    }
  }

  /**
   * Plans and counts, then throws the plan away: on SQLite in a private copy
   * of the file (the live write lock is never taken), elsewhere in a
   * transaction rolled back at the end (InnoDB locks only the rows it writes).
   */
  private async dryRun(options: RunOptions): Promise<RunSummary> {
    const summary = this.summary('dry_run');
    const plan = async (manager: EntityManager) => {
      summary.plan = await planReminders(manager, summary.at, this.deps.settings, this.deps.verdicts, {
        progress: options.progress,
      });
      summary.planned = summary.plan.subscribed + summary.plan.fitting + summary.plan.followUps;
      summary.due = Object.fromEntries(await new Outbox(manager).dueByChannel(summary.at));
    };
    const { dataSource } = this.deps;
    if (dialectOf(dataSource) === 'sqlite' && dataSource.options.database !== ':memory:') {
      await withSqliteSnapshot(dataSource, (snapshot) => plan(snapshot.manager));
      return summary;
    }
    try {
      await dataSource.transaction(async (manager) => {
        await plan(manager);
        throw new Rollback('dry run');
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    return summary;
  }

  private summary(status: RunSummary['status']): RunSummary {
    return { at: this.deps.clock.now(), status, plan: null, planned: 0, send: emptyCounts(), overdue: 0 };
  }
}
