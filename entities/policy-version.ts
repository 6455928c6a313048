import { Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, IsoDateColumn, JsonColumn } from './columns';
import { Policy } from './policy';
import type { PolicyVersion as CatalogueVersion } from '../rules/catalogue';

/** The criteria of a policy valid from one date to another (both inclusive). */
@Entity('policy_version')
@Index(['policyId', 'validFrom'], { unique: true })
export class PolicyVersion {
  @PrimaryGeneratedColumn()
  id: number;

  @IdColumn()
  policyId: string;

  @ManyToOne(() => Policy, (policy) => policy.versions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'policyId' })
  policy: Policy;

  @IsoDateColumn()
  validFrom: string;

  @IsoDateColumn({ nullable: true })
  validTo: string | null;

  @JsonColumn()
  document: CatalogueVersion;
}
