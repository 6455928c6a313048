import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Founder } from './founder';

/**
 * Mini-program one-time subscriptions (subscribeMessage): each acceptance the
 * founder gives a template lets the backend send one message with it. The
 * planner spends these credits on the reminders that matter most
 * (services/credit-budget.ts); a send spends one; WeChat's 43101 empties it.
 */
@Entity('subscribe_credit')
@Index(['founderId', 'templateId'], { unique: true })
export class SubscribeCredit {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 36 })
  founderId: string;

  @ManyToOne(() => Founder, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'founderId' })
  founder: Founder;

  @Column({ type: 'varchar', length: 128 })
  templateId: string;

  /** Acceptances not yet used: how many messages may still be sent with this template. */
  @Column({ type: 'integer', default: 0 })
  credits: number;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
