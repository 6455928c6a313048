import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { JsonColumn } from './columns';
import { Founder } from './founder';

export interface AssessmentSnapshot {
  asOf: string;
  /** A JSON column: a new status needs no migration. */
  statuses: Record<string, 'eligible' | 'not_eligible' | 'maybe' | 'not_in_force'>;
  /** The fact waiting for an answer (null when finished). */
  current?: string | null;
  /** True after "back": `current` is an earlier question asked again, not the engine's pick. */
  revisiting?: boolean;
}

/**
 * A persisted, resumable assessment: which policies it is about, which facts
 * were asked (in order, for "上一题") or skipped, and the last verdicts.
 */
@Entity('assessment')
@Index(['founderId', 'createdAt'])
export class Assessment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  founderId: string;

  @ManyToOne(() => Founder, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'founderId' })
  founder: Founder;

  /** Policy ids the assessment is limited to; empty = all. */
  @JsonColumn()
  policies: string[];

  @Column({ type: 'varchar', length: 32, nullable: true })
  topic: string | null;

  @JsonColumn()
  asked: string[];

  @JsonColumn()
  skipped: string[];

  @Column({ type: 'varchar', length: 16 })
  status: 'open' | 'complete';

  @JsonColumn({ nullable: true })
  snapshot: AssessmentSnapshot | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
