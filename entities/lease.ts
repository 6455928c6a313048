import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from './columns';

/**
 * A named lease held by one process until `expiresAt`, e.g. the daily reminder
 * plan, so two replicas never run it at the same time (node-cron's own overlap
 * guard only works inside one process).
 */
@Entity('lease')
export class Lease {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 128 })
  holder: string;

  @TimestampColumn()
  expiresAt: Date;
}
