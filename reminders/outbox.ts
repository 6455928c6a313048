/**
 * The reminder_delivery table as the sender sees it: claim due rows, record
 * what happened to each. A claim stamps the rows with a batch token and pushes
 * nextAttemptAt past the claim's expiry in one conditional UPDATE, so two
 * runners never hold the same row; a runner killed mid-batch leaves its rows to
 * come due again when the claim expires. Every later write is conditional on
 * the token, so a runner whose claim expired cannot overwrite a newer one.
 */
import type { EntityManager } from 'typeorm';
import type { DeliveryKind } from '../entities/reminder-delivery';
import { ReminderDelivery } from '../entities';
import {
  chunks,
  dbTime,
  dialectOf,
  execute,
  indexHint,
  insertIgnore,
  placeholders,
  retryOnLockConflict,
  select,
} from '../db/sql';

export interface ClaimedRow {
  id: number;
  founderId: string;
  policyId: string;
  windowKey: string;
  offsetDays: number;
  channel: string;
  kind: DeliveryKind;
  closesOn: string;
  attempts: number;
  /** Set on a reminder moved here from a channel whose customer-service window had closed. */
  fallbackFrom: string | null;
}

export interface Claim {
  rows: ClaimedRow[];
  /** True when due rows existed but another runner claimed them all first. */
  raced: boolean;
}

const ROW_COLUMNS =
  '`id`, `founderId`, `policyId`, `windowKey`, `offsetDays`, `channel`, `kind`, `closesOn`, `attempts`, `fallbackFrom`';

export class Outbox {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Claims every due row of the founders behind the next `limit` due rows, so
   * one founder's reminders land in one batch and can be bundled.
   */
  async claim(now: Date, channels: readonly string[], token: string, claimUntil: Date, limit: number): Promise<Claim> {
    if (channels.length === 0) return { rows: [], raced: false };
    const inChannels = placeholders(channels.length);
    const next = await select<{ founderId: string }>(
      this.manager,
      `SELECT \`founderId\` FROM \`reminder_delivery\` WHERE \`status\` = 'pending' AND \`nextAttemptAt\` <= ? AND \`channel\` IN (${inChannels}) ORDER BY \`nextAttemptAt\`, \`id\` LIMIT ?`,
      [dbTime(now), ...channels, limit],
    );
    const founderIds = [...new Set(next.map((row) => row.founderId))];
    if (founderIds.length === 0) return { rows: [], raced: false };
    const inFounders = placeholders(founderIds.length);
    const byFounder = this.byFounder();
    // Conditional on still being pending and due: of two runners, one gets each row.
    await retryOnLockConflict(() =>
      execute(
        this.manager,
        `UPDATE \`reminder_delivery\` ${byFounder} SET \`claimedBy\` = ?, \`nextAttemptAt\` = ?
         WHERE \`founderId\` IN (${inFounders}) AND \`status\` = 'pending' AND \`nextAttemptAt\` <= ? AND \`channel\` IN (${inChannels})`,
        [token, dbTime(claimUntil), ...founderIds, dbTime(now), ...channels],
      ),
    );
    // Only claimed rows carry the token, and every later write clears it.
    const rows = await select<ClaimedRow>(
      this.manager,
      `SELECT ${ROW_COLUMNS} FROM \`reminder_delivery\` ${byFounder} WHERE \`founderId\` IN (${inFounders}) AND \`claimedBy\` = ? ORDER BY \`founderId\`, \`closesOn\`, \`id\``,
      [...founderIds, token],
    );
    return {
      rows: rows.map((row) => ({
        ...row,
        id: Number(row.id),
        offsetDays: Number(row.offsetDays),
        attempts: Number(row.attempts),
      })),
      // Due rows were there but another runner claimed them first: look again.
      raced: rows.length === 0,
    };
  }

  /** Rows already sent to each founder on each channel since `since` (the daily cap). */
  async sentSince(founderIds: readonly string[], since: Date): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const ids of chunks(founderIds, 500)) {
      const rows = await select<{ founderId: string; channel: string; n: number | string }>(
        this.manager,
        `SELECT \`founderId\`, \`channel\`, COUNT(*) AS n FROM \`reminder_delivery\` ${this.byFounder()}
         WHERE \`founderId\` IN (${placeholders(ids.length)}) AND \`status\` = 'sent' AND \`sentAt\` >= ?
         GROUP BY \`founderId\`, \`channel\``,
        [...ids, dbTime(since)],
      );
      for (const row of rows) counts.set(`${row.founderId}|${row.channel}`, Number(row.n));
    }
    return counts;
  }

  /** Sent: and for follow-ups, the application record the founder will answer ("asked"). */
  async markSent(rows: readonly ClaimedRow[], token: string, now: Date): Promise<void> {
    const followUps = rows.filter((row) => row.kind === 'follow_up');
    const write = async (manager: EntityManager) => {
      await execute(
        manager,
        `UPDATE \`reminder_delivery\` SET \`status\` = 'sent', \`sentAt\` = ?, \`attempts\` = \`attempts\` + 1, \`claimedBy\` = NULL, \`lastError\` = NULL
         WHERE \`id\` IN (${placeholders(rows.length)}) AND \`claimedBy\` = ?`,
        [dbTime(now), ...rows.map((row) => row.id), token],
      );
      if (followUps.length > 0) {
        await execute(
          manager,
          `${insertIgnore(dialectOf(manager))} INTO \`application_record\` (\`founderId\`, \`policyId\`, \`windowKey\`, \`status\`, \`askedAt\`) VALUES ${followUps.map(() => `(${placeholders(5)})`).join(', ')}`,
          followUps.flatMap((row) => [row.founderId, row.policyId, row.windowKey, 'asked', dbTime(now)]),
        );
      }
    };
    await retryOnLockConflict(() => (followUps.length > 0 ? this.manager.transaction(write) : write(this.manager)));
  }

  /** A failed attempt: try again at `retryAt(attempts)`, or give up after `maxAttempts`. */
  async markFailed(
    rows: readonly ClaimedRow[],
    token: string,
    error: string,
    maxAttempts: number,
    retryAt: (attempt: number) => Date,
  ): Promise<'retry' | 'failed'> {
    let outcome: 'retry' | 'failed' = 'retry';
    for (const row of rows) {
      const attempts = row.attempts + 1;
      const failed = attempts >= maxAttempts;
      if (failed) outcome = 'failed';
      await execute(
        this.manager,
        'UPDATE `reminder_delivery` SET `status` = ?, `attempts` = ?, `nextAttemptAt` = ?, `lastError` = ?, `claimedBy` = NULL WHERE `id` = ? AND `claimedBy` = ?',
        [failed ? 'failed' : 'pending', attempts, dbTime(retryAt(attempts)), error.slice(0, 500), row.id, token],
      );
    }
    return outcome;
  }

  /** The founder refused the channel: these rows and the channel's subscriptions stop for good. */
  async markRefused(rows: readonly ClaimedRow[], token: string, error: string): Promise<void> {
    await this.manager.transaction(async (manager) => {
      await this.finish(manager, rows, token, 'refused', error);
      const pairs = [...new Set(rows.map((row) => `${row.founderId}|${row.channel}`))];
      for (const pair of pairs) {
        const [founderId, channel] = pair.split('|');
        await execute(
          manager,
          "UPDATE `subscription` SET `status` = 'refused' WHERE `founderId` = ? AND `channel` = ? AND `status` = 'active'",
          [founderId, channel],
        );
      }
    });
  }

  /** Not sent and never will be (unsubscribed, founder gone, deadline passed…). */
  async cancel(rows: readonly ClaimedRow[], token: string, reason: string): Promise<void> {
    await this.finish(this.manager, rows, token, 'cancelled', reason);
  }

  /**
   * The channel cannot carry these now (its customer-service window closed):
   * each row is cancelled with the reason, and the same reminder is queued on
   * `channel`, due at once, remembering where it came from. A reminder already
   * queued there (the founder subscribed on both) is not queued twice.
   */
  async reroute(rows: readonly ClaimedRow[], token: string, channel: string, reason: string, now: Date): Promise<void> {
    if (rows.length === 0) return;
    await retryOnLockConflict(() =>
      this.manager.transaction(async (manager) => {
        // A claim that expired meanwhile belongs to another runner now: it decides.
        if ((await this.finish(manager, rows, token, 'cancelled', reason)) === 0) return;
        await execute(
          manager,
          `${insertIgnore(dialectOf(manager))} INTO \`reminder_delivery\` (\`founderId\`, \`policyId\`, \`windowKey\`, \`offsetDays\`, \`channel\`, \`kind\`, \`closesOn\`, \`status\`, \`attempts\`, \`nextAttemptAt\`, \`fallbackFrom\`)
           VALUES ${rows.map(() => `(${placeholders(11)})`).join(', ')}`,
          rows.flatMap((row) => [
            row.founderId,
            row.policyId,
            row.windowKey,
            row.offsetDays,
            channel,
            row.kind,
            row.closesOn,
            'pending',
            0,
            dbTime(now),
            row.fallbackFrom ?? row.channel,
          ]),
        );
      }),
    );
  }

  /** Back to the queue without counting an attempt (daily cap reached, quiet hours). */
  async release(rows: readonly ClaimedRow[], token: string, nextAttemptAt: Date): Promise<void> {
    if (rows.length === 0) return;
    await execute(
      this.manager,
      `UPDATE \`reminder_delivery\` SET \`nextAttemptAt\` = ?, \`claimedBy\` = NULL WHERE \`id\` IN (${placeholders(rows.length)}) AND \`claimedBy\` = ?`,
      [dbTime(nextAttemptAt), ...rows.map((row) => row.id), token],
    );
  }

  /**
   * Claims left by a runner that died (or lost the lease) go back to the
   * queue, due at once. Called by the lease holder on taking the lease: only
   * the holder sends, so every claim it finds then is abandoned, and its rows
   * need not wait for the claim's own expiry (15 minutes). Each row was due
   * when it was claimed; its attempts are unchanged.
   */
  async releaseAbandonedClaims(now: Date): Promise<number> {
    const { affected } = await execute(
      this.manager,
      "UPDATE `reminder_delivery` SET `claimedBy` = NULL, `nextAttemptAt` = ? WHERE `claimedBy` IS NOT NULL AND `status` = 'pending'",
      [dbTime(now)],
    );
    return affected;
  }

  /**
   * Reminders still pending after their deadline (a channel down for days, a
   * channel not configured) would only confuse: cancel them.
   */
  async cancelOverdue(today: string, followUpExpiry: string): Promise<number> {
    const { affected } = await execute(
      this.manager,
      `UPDATE \`reminder_delivery\` SET \`status\` = 'cancelled', \`lastError\` = 'deadline passed before delivery', \`claimedBy\` = NULL
       WHERE \`status\` = 'pending' AND ((\`kind\` = 'reminder' AND \`closesOn\` < ?) OR (\`kind\` = 'follow_up' AND \`closesOn\` < ?))`,
      [today, followUpExpiry],
    );
    return affected;
  }

  /** For the dry run: due rows per channel, without claiming anything. */
  async dueByChannel(now: Date): Promise<Map<string, { rows: number; founders: number }>> {
    const rows = await select<{ channel: string; n: number | string; f: number | string }>(
      this.manager,
      "SELECT `channel`, COUNT(*) AS n, COUNT(DISTINCT `founderId`) AS f FROM `reminder_delivery` WHERE `status` = 'pending' AND `nextAttemptAt` <= ? GROUP BY `channel`",
      [dbTime(now)],
    );
    return new Map(rows.map((row) => [row.channel, { rows: Number(row.n), founders: Number(row.f) }]));
  }

  /** Lookups by founder go through the (founderId, …) unique index, whatever the statistics say. */
  private byFounder(): string {
    return indexHint(this.manager, ReminderDelivery, ['founderId']);
  }

  private async finish(
    manager: EntityManager,
    rows: readonly ClaimedRow[],
    token: string,
    status: 'refused' | 'cancelled',
    reason: string,
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const { affected } = await execute(
      manager,
      `UPDATE \`reminder_delivery\` SET \`status\` = ?, \`lastError\` = ?, \`claimedBy\` = NULL WHERE \`id\` IN (${placeholders(rows.length)}) AND \`claimedBy\` = ?`,
      [status, reason.slice(0, 500), ...rows.map((row) => row.id), token],
    );
    return affected;
  }
}
