import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { IsoDateColumn, TimestampColumn } from './columns';
import { Founder } from './founder';

export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'refused' | 'cancelled';
export type DeliveryKind = 'reminder' | 'follow_up';

/**
 * The outbox row of one reminder, written before it is sent. The unique key
 * (founder, policy, window, offset, channel, kind) is what makes "exactly once"
 * hold across crashes and replicas.
 */
@Entity('reminder_delivery')
@Index(['founderId', 'policyId', 'windowKey', 'offsetDays', 'channel', 'kind'], { unique: true })
@Index(['status', 'nextAttemptAt'])
// The follow-up planner asks "who was reminded of windows that closed on day X".
@Index(['closesOn'])
export class ReminderDelivery {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 36 })
  founderId: string;

  // The erase deletes the founder row; the database takes their rows with it,
  // and refuses a row written for a founder erased a moment before.
  @ManyToOne(() => Founder, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'founderId' })
  founder: Founder;

  @Column({ type: 'varchar', length: 64 })
  policyId: string;

  @Column({ type: 'varchar', length: 96 })
  windowKey: string;

  @Column({ type: 'int' })
  offsetDays: number;

  @Column({ type: 'varchar', length: 16 })
  channel: string;

  @Column({ type: 'varchar', length: 16, default: 'reminder' })
  kind: DeliveryKind;

  @IsoDateColumn()
  closesOn: string;

  @Column({ type: 'varchar', length: 16 })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @TimestampColumn()
  nextAttemptAt: Date;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @TimestampColumn({ nullable: true })
  sentAt: Date | null;

  /**
   * The channel this reminder was meant for when it was moved here because
   * that channel's customer-service window had closed; its subscription
   * there is what still has to hold.
   */
  @Column({ type: 'varchar', length: 16, nullable: true })
  fallbackFrom: string | null;

  /**
   * The sender batch that claimed the row (with nextAttemptAt pushed past the
   * claim's expiry), so two runners never pick the same row; null when free.
   */
  @Column({ type: 'varchar', length: 64, nullable: true })
  claimedBy: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
