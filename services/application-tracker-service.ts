/**
 * The application tracker: for each window a founder was reminded of, did
 * they apply? The reminder follow-up creates the record as `asked`; the bot
 * ("已申请" / "未申请") and the API record the answer and list the records.
 */
import { DataSource } from 'typeorm';
import { isLockConflict, isUniqueViolation, retryWhen } from '../db/sql';
import { ApplicationRecord, ApplicationWindow, Founder } from '../entities';
import { NotFoundError } from '../errors';
import type { Clock } from './clock';
import { errorMessages } from './error-messages';

export type ApplicationStatus = ApplicationRecord['status'];

export interface ApplicationEntry {
  policyId: string;
  windowKey: string;
  /** Deadline of the window, when it is still in the catalogue. */
  closesOn: string | null;
  status: ApplicationStatus;
  askedAt: Date;
  answeredAt: Date | null;
}

export class ApplicationTrackerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Records the founder's answer; works whether or not we asked first.
   *
   * One transaction from the write to the read back: the write's foreign key
   * check (or its lock on the record) holds the founder's erase back until
   * the read is done, so an erase racing this request either waits for it or
   * makes the write refused by its key (the API answers 401, the founder is
   * gone) — never a record written and then not found.
   */
  async recordApplication(
    founderId: string,
    policyId: string,
    windowKey: string,
    applied: boolean,
  ): Promise<ApplicationEntry> {
    const status: ApplicationStatus = applied ? 'applied' : 'not_applied';
    const now = this.clock.now();
    const key = { founderId, policyId, windowKey };
    // The follow-up creating the record at the same moment collides on the unique
    // key (or deadlocks on InnoDB): run again, and the update finds its record.
    return retryWhen(
      (error) => isUniqueViolation(error) || isLockConflict(error),
      () =>
        this.dataSource.transaction(async (manager) => {
          if (!(await manager.existsBy(Founder, { id: founderId })))
            throw new NotFoundError(errorMessages.founderNotFound);
          const window = await manager.findOneBy(ApplicationWindow, { policyId, windowKey });
          if (!window)
            throw new NotFoundError(errorMessages.windowNotFound, [
              { path: 'windowKey', reason: `${policyId} has no window ${windowKey}` },
            ]);
          const { affected } = await manager.update(ApplicationRecord, key, { status, answeredAt: now });
          if (affected === 0)
            await manager.insert(ApplicationRecord, { ...key, status, askedAt: now, answeredAt: now });
          const record = await manager.findOneBy(ApplicationRecord, key);
          if (!record) throw new NotFoundError(errorMessages.founderNotFound);
          return entry(record, window.closesOn);
        }),
      5,
    );
  }

  /** Newest deadline first. */
  async listApplications(founderId: string): Promise<ApplicationEntry[]> {
    const manager = this.dataSource.manager;
    const records = await manager.find(ApplicationRecord, {
      where: { founderId },
      order: { askedAt: 'DESC', id: 'DESC' },
    });
    return (await this.withDeadlines(records)).sort((a, b) => (b.closesOn ?? '').localeCompare(a.closesOn ?? ''));
  }

  /**
   * The follow-up questions still waiting for an answer, newest question
   * first: a bare "已申请" in chat answers the first one.
   */
  async askedApplications(founderId: string): Promise<ApplicationEntry[]> {
    const records = await this.dataSource.manager.find(ApplicationRecord, {
      where: { founderId, status: 'asked' },
      // One reminder run asks several at the same instant: the id keeps the order stable.
      order: { askedAt: 'DESC', id: 'DESC' },
    });
    return this.withDeadlines(records);
  }

  /** Records → entries with their window's deadline, in the records' order. */
  private async withDeadlines(records: ApplicationRecord[]): Promise<ApplicationEntry[]> {
    if (records.length === 0) return [];
    const windows = await this.dataSource.manager.find(ApplicationWindow, {
      where: records.map((record) => ({ policyId: record.policyId, windowKey: record.windowKey })),
      select: { policyId: true, windowKey: true, closesOn: true },
    });
    const closes = new Map(windows.map((w) => [`${w.policyId}|${w.windowKey}`, w.closesOn]));
    return records.map((record) => entry(record, closes.get(`${record.policyId}|${record.windowKey}`) ?? null));
  }
}

function entry(record: ApplicationRecord, closesOn: string | null): ApplicationEntry {
  return {
    policyId: record.policyId,
    windowKey: record.windowKey,
    closesOn,
    status: record.status,
    askedAt: record.askedAt,
    answeredAt: record.answeredAt,
  };
}
