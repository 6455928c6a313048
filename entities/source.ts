import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Where a fact comes from. Owned by a policy, policy version, incubator or
 * region (`ownerType` + `ownerId`); rebuilt with every content release.
 */
@Entity('source')
@Index(['ownerType', 'ownerId'])
export class Source {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  ownerType: 'policy' | 'policy_version' | 'incubator' | 'region';

  @Column({ type: 'varchar', length: 96 })
  ownerId: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  number: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  url: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  seed: string | null;
}
