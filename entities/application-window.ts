import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, IsoDateColumn } from './columns';
import { Policy } from './policy';

/**
 * One concrete application window (yearly windows are expanded per year when
 * content is loaded), so reminders can ask "what closes on day X" in SQL.
 */
@Entity('application_window')
@Index(['policyId', 'windowKey'], { unique: true })
@Index(['closesOn'])
export class ApplicationWindow {
  @PrimaryGeneratedColumn()
  id: number;

  @IdColumn()
  policyId: string;

  @ManyToOne(() => Policy, (policy) => policy.windows, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'policyId' })
  policy: Policy;

  /** `<window id>` or `<window id>:<year>`: stable across content reloads. */
  @Column({ type: 'varchar', length: 96 })
  windowKey: string;

  @IsoDateColumn({ nullable: true })
  opensOn: string | null;

  @IsoDateColumn({ nullable: true })
  closesOn: string | null;

  @Column({ type: 'boolean', default: false })
  rolling: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 1 })
  confidence: string;
}
