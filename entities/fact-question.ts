import { Column, Entity, PrimaryColumn } from 'typeorm';
import { JsonColumn } from './columns';
import type { FactDefinition } from '../rules/catalogue';

/** One fact of the vocabulary with its Chinese question (content/questions.yaml). */
@Entity('fact_question')
export class FactQuestion {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  fact: string;

  @Column({ type: 'varchar', length: 16 })
  type: string;

  @JsonColumn()
  document: FactDefinition;
}
