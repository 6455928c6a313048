import { Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from './columns';

/**
 * A message a platform delivered to us (the Official Account's MsgId, an
 * event's sender + time, WeCom's msgid), recorded before its turn runs. The
 * platforms retry, and several replicas share one database: the row, not a
 * process's memory, is what makes a retry on another replica run nothing.
 * Rows older than a few days are deleted (services/inbound-messages.ts).
 */
@Entity('inbound_message')
export class InboundMessage {
  /**
   * SHA-256 (hex) of `<channel>:<the platform's id>`: an event's id holds the
   * founder's openid, and this row outlives an erase, so only the hash is kept.
   */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  messageKey: string;

  @Index()
  @TimestampColumn()
  receivedAt: Date;
}
