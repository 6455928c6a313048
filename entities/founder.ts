import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A founder, whichever channel they come from. The same person is one Founder
 * across the mini-program and the WeChat bot, linked by unionid when WeChat
 * gives one; who they are on each channel is in founder_identity. Nothing else
 * personal is stored here.
 */
/**
 * WeChat's openid and unionid are 28 characters today; the columns leave room
 * to grow, and a login whose ids would not fit is refused (wechat-code-session.ts).
 */
export const WECHAT_ID_MAX_LENGTH = 64;

@Entity('founder')
export class Founder {
  /** Internal id (uuid); the only identifier that may appear in logs. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** WeChat's id of the person across an open-platform account's apps: links their channels. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: WECHAT_ID_MAX_LENGTH, nullable: true })
  unionid: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
