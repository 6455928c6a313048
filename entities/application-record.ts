import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from './columns';
import { Founder } from './founder';

/** The application tracker: did the founder apply in a window we reminded them of? */
@Entity('application_record')
@Index(['founderId', 'policyId', 'windowKey'], { unique: true })
export class ApplicationRecord {
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

  @Column({ type: 'varchar', length: 16 })
  status: 'asked' | 'applied' | 'not_applied';

  @TimestampColumn()
  askedAt: Date;

  @TimestampColumn({ nullable: true })
  answeredAt: Date | null;
}
