import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { JsonColumn } from './columns';

/** One load of content/ into the database. The newest row is the catalogue in force. */
@Entity('content_release')
export class ContentRelease {
  @PrimaryGeneratedColumn()
  id: number;

  /** sha256 of the content files: loading the same content twice adds no release. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  hash: string;

  /** Counts added / changed / removed per kind. */
  @JsonColumn()
  summary: Record<string, { added: number; changed: number; removed: number }>;

  @Column({ type: 'varchar', length: 120 })
  loadedBy: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
