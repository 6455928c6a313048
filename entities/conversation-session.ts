import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Founder } from './founder';

/**
 * The dialogue state of one chat (a WeChat contact or a terminal user).
 * `stateVersion` is the shape of `state` (bumped when the dialogue engine
 * changes it); `revision` guards against two messages racing on one session.
 */
@Entity('conversation_session')
export class ConversationSession {
  @PrimaryGeneratedColumn()
  id: number;

  /** `wechaty:<contact id>`, `terminal:<user>`, `room:<room id>:<contact id>`. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200 })
  channelKey: string;

  @Column({ type: 'varchar', length: 36 })
  founderId: string;

  @ManyToOne(() => Founder, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'founderId' })
  founder: Founder;

  @Column({ type: 'int' })
  stateVersion: number;

  @Column({ type: 'text' })
  state: string;

  @VersionColumn()
  revision: number;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
