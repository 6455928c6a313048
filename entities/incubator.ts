import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IsoDateColumn, JsonColumn } from './columns';
import type { Incubator as CatalogueIncubator } from '../rules/catalogue';

@Entity('incubator')
@Index(['region', 'district'])
export class Incubator {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  region: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  district: string | null;

  @Column({ type: 'varchar', length: 32 })
  level: string;

  @IsoDateColumn()
  verifiedAt: string;

  @JsonColumn()
  document: CatalogueIncubator;
}
