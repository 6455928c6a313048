/**
 * Where the WeCom customer-service channel has read each account's messages
 * to (wecom_kf_cursor): the cursor of the page being handled and the last
 * message of it already handled, so a restarted process resumes after it.
 */
import { DataSource } from 'typeorm';
import { WecomKfCursor } from '../entities';

export interface KfReadPosition {
  /** The cursor the current page is fetched with ('' before the first page). */
  cursor: string;
  /** The last message of that page already handled, or null. */
  handledMsgId: string | null;
}

export class WecomKfCursorStore {
  constructor(private readonly dataSource: DataSource) {}

  async load(openKfId: string): Promise<KfReadPosition> {
    const row = await this.dataSource.manager.findOneBy(WecomKfCursor, { openKfId });
    return row ? { cursor: row.nextCursor, handledMsgId: row.handledMsgId } : { cursor: '', handledMsgId: null };
  }

  async save(openKfId: string, position: KfReadPosition): Promise<void> {
    await this.dataSource.manager.upsert(
      WecomKfCursor,
      { openKfId, nextCursor: position.cursor, handledMsgId: position.handledMsgId },
      ['openKfId'],
    );
  }
}
