import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * How far the WeCom customer-service channel has read one account's messages
 * (kf/sync_msg), so a restart neither loses nor repeats them. `nextCursor`
 * is the cursor the page being handled was fetched with ('' before the
 * first page); `handledMsgId` the last message of that page already handled
 * (null: none yet). A page handled to its end moves `nextCursor` on.
 */
@Entity('wecom_kf_cursor')
export class WecomKfCursor {
  /** The customer-service account (open_kfid, `wk…`). */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  openKfId: string;

  @Column({ type: 'varchar', length: 255 })
  nextCursor: string;

  @Column({ type: 'varchar', length: 128, nullable: true })
  handledMsgId: string | null;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
