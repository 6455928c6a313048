import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ChannelName } from '../channels/registry';
import { TimestampColumn } from './columns';
import { Founder } from './founder';

/**
 * Who a founder is on one channel (issue 19): the mini-program's openid, the
 * Wechaty contact id, the terminal user name, and the official channels' ids
 * as they come. One row per channel identity, so adding a channel adds rows,
 * not columns; unionid (on the founder) links a person's channels.
 */
@Entity('founder_identity')
@Index(['channel', 'externalId'], { unique: true })
export class FounderIdentity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  founderId: string;

  @ManyToOne(() => Founder, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'founderId' })
  founder: Founder;

  @Column({ type: 'varchar', length: 16 })
  channel: ChannelName;

  /** The channel's id for the person: never logged, never sent to a client. */
  @Column({ type: 'varchar', length: 128 })
  externalId: string;

  /**
   * The customer-service window (channels with `serviceWindow` in the
   * registry): when the founder last wrote, how many messages we have sent
   * since, and where they wrote to (WeCom's open_kfid). Reminders go here only
   * while the window is open.
   */
  @TimestampColumn({ nullable: true })
  windowOpenedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  windowSends: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  windowVia: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
