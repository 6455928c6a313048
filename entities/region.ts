import { Column, Entity, PrimaryColumn } from 'typeorm';
import { IsoDateColumn, JsonColumn } from './columns';
import type { Region as CatalogueRegion } from '../rules/catalogue';

/** A district or zone and what its plan offers founders (cited to a seed plan). */
@Entity('region')
export class Region {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  scope: string;

  @IsoDateColumn()
  verifiedAt: string;

  @JsonColumn()
  document: CatalogueRegion;
}
