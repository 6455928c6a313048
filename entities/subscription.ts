import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ReminderChannelName } from '../channels/registry';
import { JsonColumn } from './columns';
import { Founder } from './founder';

/** A channel that carries reminders (channels/registry.ts). */
export type ReminderChannel = ReminderChannelName;
/** `*` = "everything that fits me". */
export const ALL_FITTING = '*';

@Entity('subscription')
@Index(['founderId', 'scope', 'channel'], { unique: true })
@Index(['scope', 'status'])
export class Subscription {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 36 })
  founderId: string;

  @ManyToOne(() => Founder, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'founderId' })
  founder: Founder;

  /** A policy id, or `*` for everything whose verdict is eligible or maybe. */
  @Column({ type: 'varchar', length: 64 })
  scope: string;

  @Column({ type: 'varchar', length: 16 })
  channel: ReminderChannel;

  /** Mini-program subscribeMessage templates the founder accepted. */
  @JsonColumn()
  templateIds: string[];

  /** `refused`: WeChat said the founder refused (errcode 43101); never retried. */
  @Column({ type: 'varchar', length: 16 })
  status: 'active' | 'refused';

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
