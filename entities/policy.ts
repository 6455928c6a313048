import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import { IsoDateColumn, JsonColumn } from './columns';
import { PolicyVersion } from './policy-version';
import { ApplicationWindow } from './application-window';
import type { Policy as CataloguePolicy } from '../rules/catalogue';

/**
 * A benefit founders can apply for. `document` holds the validated content
 * (rules/catalogue.ts `Policy` minus versions, which have their own table;
 * windows are also expanded into application_window); the other columns are there to query and filter.
 */
@Entity('policy')
export class Policy {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  region: string;

  /** Embedded Benefit: kind and cap in yuan (null = unknown). */
  @Column({ type: 'varchar', length: 16 })
  benefitKind: string;

  @Column({
    type: 'bigint',
    nullable: true,
    transformer: { to: (v) => v, from: (v) => (v === null ? null : Number(v)) },
  })
  benefitCapYuan: number | null;

  @IsoDateColumn()
  verifiedAt: string;

  @Column({ type: 'varchar', length: 1 })
  confidence: string;

  @JsonColumn()
  document: Omit<CataloguePolicy, 'versions'>;

  @OneToMany(() => PolicyVersion, (version) => version.policy)
  versions: PolicyVersion[];

  @OneToMany(() => ApplicationWindow, (window) => window.policy)
  windows: ApplicationWindow[];
}
