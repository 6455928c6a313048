/**
 * "Has this platform message been handled already?", across restarts and
 * replicas: WeChat retries a message it got no answer to within 5 s (three
 * times), WeCom's sync_msg can hand two replicas the same page. The first to
 * record a message's key runs its turn; everyone else runs nothing.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { dbTime, dialectOf, execute, insertIgnore } from '../db/sql';

/** Long enough for every retry and for WeCom's three days of history. */
const KEEP_MS = 4 * 24 * 3_600_000;
/** Old keys are swept at most this often per process. */
const SWEEP_EVERY_MS = 3_600_000;

export interface MessageKeys {
  /** True for the first caller with this key; false for a repeat. */
  claim(key: string): Promise<boolean>;
}

export class InboundMessages implements MessageKeys {
  private lastSweep = 0;

  constructor(
    private readonly manager: EntityManager,
    private readonly now: () => Date,
  ) {}

  async claim(key: string): Promise<boolean> {
    const at = this.now();
    await this.sweep(at);
    const { affected } = await execute(
      this.manager,
      `${insertIgnore(dialectOf(this.manager))} INTO \`inbound_message\` (\`messageKey\`, \`receivedAt\`) VALUES (?, ?)`,
      [createHash('sha256').update(key).digest('hex'), dbTime(at)],
    );
    return affected > 0;
  }

  private async sweep(at: Date): Promise<void> {
    if (at.getTime() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = at.getTime();
    await execute(this.manager, 'DELETE FROM `inbound_message` WHERE `receivedAt` < ?', [
      dbTime(new Date(at.getTime() - KEEP_MS)),
    ]);
  }
}
