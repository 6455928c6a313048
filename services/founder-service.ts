/**
 * Founders and their channel identities (founder_identity: one row per
 * channel). The same person is one Founder whether they arrive through the
 * mini-program (openid) or the WeChat bot (Wechaty contact id); unionid links
 * the two when WeChat gives it.
 */
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import type { ChannelName } from '../channels/registry';
import { dialectOf, isUniqueViolation, retryOnLockConflict, select } from '../db/sql';
import { AuditLog, Founder, FounderIdentity } from '../entities';
import { NotFoundError } from '../errors';
import { errorMessages } from './error-messages';

export type ChannelIdentity =
  | { channel: 'miniprogram'; openid: string; unionid?: string }
  | { channel: 'wechat'; contactId: string; unionid?: string }
  | { channel: 'terminal'; user: string }
  | { channel: 'official_account'; openid: string; unionid?: string }
  /** WeCom customer service: the customer's external_userid (per corp; no unionid is given). */
  | { channel: 'wecom_kf'; externalUserId: string };

// Backtick-quoted identifiers and positional `?` work on SQLite and MySQL alike (as in db/sql.ts).
/** Exported for bench:api's stack floor, which runs the same statement without the app. */
export const FOUNDER_EXISTS = 'SELECT 1 FROM `founder` WHERE `id` = ? LIMIT 1';

export class FounderService {
  constructor(private readonly dataSource: DataSource) {}

  async get(founderId: string): Promise<Founder> {
    const founder = await this.dataSource.manager.findOneBy(Founder, { id: founderId });
    if (!founder) throw new NotFoundError(errorMessages.founderNotFound);
    return founder;
  }

  /**
   * Asked on every authenticated request (an erased founder's tokens stop
   * working at once), so it is one prepared point lookup rather than a
   * TypeORM count, whose query building cost more than the query.
   */
  async exists(founderId: string): Promise<boolean> {
    return (await select(this.dataSource.manager, FOUNDER_EXISTS, [founderId])).length > 0;
  }

  /** Finds the founder behind a channel identity, creating (or linking) them on first contact. */
  async findOrCreate(identity: ChannelIdentity): Promise<Founder> {
    try {
      return await this.findOrCreateOnce(identity);
    } catch (error) {
      // Two first contacts at once (the mini-program logging in twice): the other
      // request created the founder, and the unique key refused ours. Find theirs.
      if (!isUniqueViolation(error)) throw error;
      return this.findOrCreateOnce(identity);
    }
  }

  private async findOrCreateOnce(identity: ChannelIdentity): Promise<Founder> {
    return this.dataSource.transaction(async (manager) => {
      const key = identityKey(identity);
      const row = await manager.findOneBy(FounderIdentity, key);
      const own = row ? await manager.findOneBy(Founder, { id: row.founderId }) : null;
      const unionid = 'unionid' in identity ? identity.unionid : undefined;
      if (own) {
        if (unionid && own.unionid !== unionid && !(await manager.findOneBy(Founder, { unionid }))) {
          own.unionid = unionid;
          await manager.save(own);
        }
        return own;
      }
      // The same person on another channel (WeChat's unionid): this channel joins them.
      const linked = unionid ? await manager.findOneBy(Founder, { unionid }) : null;
      const founder = linked ?? (await manager.save(Founder, { id: randomUUID(), unionid: unionid ?? null }));
      await manager.insert(FounderIdentity, { founderId: founder.id, ...key });
      return founder;
    });
  }

  /** Where each channel reaches these founders: founder id → channel → the channel's id for them. */
  async addresses(founderIds: readonly string[]): Promise<Map<string, Map<string, string>>> {
    const addresses = new Map<string, Map<string, string>>();
    if (founderIds.length === 0) return addresses;
    const rows = await this.dataSource.manager.find(FounderIdentity, { where: { founderId: In([...founderIds]) } });
    for (const row of rows) {
      const mine = addresses.get(row.founderId) ?? new Map<string, string>();
      mine.set(row.channel, row.externalId);
      addresses.set(row.founderId, mine);
    }
    return addresses;
  }

  /**
   * Erases everything personal about a founder: profile answers, sessions,
   * assessments, subscriptions, pending reminders, application records and the
   * founder row itself. Keeps only an audit line without personal data.
   *
   * Every table holding a founder's data refers to the founder row with
   * ON DELETE CASCADE, so deleting that row deletes the rest in the same
   * statement. Locking the row first orders the erase against the founder's
   * own requests in flight: a write that has already checked its foreign key
   * holds a shared lock on the row, so the erase waits for it and then takes
   * its rows too; a write that comes later waits for the erase and is refused
   * by the key (the API answers 401, the founder is gone). Nothing is left.
   */
  async erase(founderId: string): Promise<void> {
    await retryOnLockConflict(() =>
      this.dataSource.transaction(async (manager: EntityManager) => {
        const lock = dialectOf(manager) === 'mysql' ? `${FOUNDER_EXISTS} FOR UPDATE` : FOUNDER_EXISTS;
        if ((await select(manager, lock, [founderId])).length === 0) {
          throw new NotFoundError(errorMessages.founderNotFound);
        }
        await manager.delete(Founder, { id: founderId });
        await manager.insert(AuditLog, { actor: 'founder', action: 'founder.erased', detail: {} });
      }),
    );
    if (dialectOf(this.dataSource) === 'sqlite') await this.scrubSqliteLog();
  }

  /**
   * secure_delete zeroes the erased rows in the database file, but the WAL
   * still holds the pages as they were written before: checkpoint it and cut
   * it to nothing. Best effort: while another connection reads, part of the
   * WAL stays until the next checkpoint writes over it; the erase itself is done.
   */
  private async scrubSqliteLog(): Promise<void> {
    await this.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
  }
}

/** The founder_identity key of a channel identity. */
function identityKey(identity: ChannelIdentity): { channel: ChannelName; externalId: string } {
  switch (identity.channel) {
    case 'miniprogram':
      return { channel: 'miniprogram', externalId: identity.openid };
    case 'wechat':
      return { channel: 'wechat', externalId: identity.contactId };
    case 'terminal':
      return { channel: 'terminal', externalId: identity.user };
    case 'official_account':
      return { channel: 'official_account', externalId: identity.openid };
    case 'wecom_kf':
      return { channel: 'wecom_kf', externalId: identity.externalUserId };
  }
}
