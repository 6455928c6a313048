import type { ChannelName } from '../channels/registry';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { JsonColumn, TimestampColumn } from './columns';
import { Founder } from './founder';
import type { FactValue } from '../rules/catalogue';

/** Where an answer was given: any channel of channels/registry.ts. */
export type AnswerChannel = ChannelName;

/** A founder's current answer to one fact: what, when, and from which channel. */
@Entity('fact_answer')
@Index(['founderId', 'fact'], { unique: true })
export class FactAnswer {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 36 })
  founderId: string;

  @ManyToOne(() => Founder, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'founderId' })
  founder: Founder;

  @Column({ type: 'varchar', length: 64 })
  fact: string;

  @JsonColumn()
  value: FactValue;

  @TimestampColumn()
  answeredAt: Date;

  @Column({ type: 'varchar', length: 16 })
  channel: AnswerChannel;
}
