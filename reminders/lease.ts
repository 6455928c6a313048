/**
 * A named lease in the `lease` table: one runner across all processes (two
 * replicas, the CLI beside the service) until it expires. node-cron's own
 * overlap guard only sees one process, hence the database.
 *
 * Taking it is one conditional UPDATE ("mine, or expired") or, for a new name,
 * one INSERT that ignores a concurrent winner: both atomic on SQLite and InnoDB,
 * so exactly one contender sees an affected row.
 */
import type { DataSource } from 'typeorm';
import type { Clock } from '../services/clock';
import { dbTime, dialectOf, execute, insertIgnore, readTime, retryOnLockConflict, select } from '../db/sql';

export interface LeaseHolder {
  holder: string;
  expiresAt: Date;
}

export class DatabaseLease {
  private lastRenewal = 0;

  constructor(
    private readonly dataSource: DataSource,
    readonly name: string,
    readonly holder: string,
    private readonly ttlMs: number,
    private readonly clock: Clock,
  ) {}

  async acquire(): Promise<boolean> {
    const now = this.clock.now();
    const until = dbTime(new Date(now.getTime() + this.ttlMs));
    const manager = this.dataSource.manager;
    return retryOnLockConflict(async () => {
      const taken = await execute(
        manager,
        'UPDATE `lease` SET `holder` = ?, `expiresAt` = ? WHERE `name` = ? AND (`holder` = ? OR `expiresAt` < ?)',
        [this.holder, until, this.name, this.holder, dbTime(now)],
      );
      if (taken.affected === 0) {
        const created = await execute(
          manager,
          `${insertIgnore(dialectOf(this.dataSource))} INTO \`lease\` (\`name\`, \`holder\`, \`expiresAt\`) VALUES (?, ?, ?)`,
          [this.name, this.holder, until],
        );
        if (created.affected === 0) return false;
      }
      this.lastRenewal = now.getTime();
      return true;
    });
  }

  /** Extends the lease; false when another holder took it over (stop working then). */
  async renew(): Promise<boolean> {
    const now = this.clock.now();
    const renewed = await retryOnLockConflict(() =>
      execute(this.dataSource.manager, 'UPDATE `lease` SET `expiresAt` = ? WHERE `name` = ? AND `holder` = ?', [
        dbTime(new Date(now.getTime() + this.ttlMs)),
        this.name,
        this.holder,
      ]),
    );
    if (renewed.affected > 0) this.lastRenewal = now.getTime();
    return renewed.affected > 0;
  }

  /** Renews when a third of the lease has passed; cheap enough to call after every message. */
  async keepAlive(): Promise<boolean> {
    if (this.clock.now().getTime() - this.lastRenewal < this.ttlMs / 3) return true;
    return this.renew();
  }

  /** Who holds the lease now (null when nobody does), to say so when it is busy. */
  async current(): Promise<LeaseHolder | null> {
    const [row] = await select<{ holder: string; expiresAt: unknown }>(
      this.dataSource.manager,
      'SELECT `holder`, `expiresAt` FROM `lease` WHERE `name` = ?',
      [this.name],
    );
    return row ? { holder: row.holder, expiresAt: readTime(row.expiresAt)! } : null;
  }

  async release(): Promise<void> {
    await execute(this.dataSource.manager, 'DELETE FROM `lease` WHERE `name` = ? AND `holder` = ?', [
      this.name,
      this.holder,
    ]);
  }
}
