/**
 * Outgoing WeChat messages go through one queue that keeps a minimum interval
 * per contact and across all contacts: WeChat restricts accounts that send
 * too fast. Messages to one contact keep their order; a contact that must
 * wait does not hold up the others. Replies and reminders share the queue.
 */

/** What other adapters (reminders) need to reach a founder on WeChat. */
export interface ContactSender {
  /** Rejects with ContactRefusedError when the contact can never be reached. */
  sendToContact(contactId: string, text: string): Promise<void>;
}

/**
 * The contact cannot be reached and retrying will not help: it blocked or
 * deleted the bot, or the account no longer knows it. Reminders mark such
 * deliveries refused instead of retrying them.
 */
export class ContactRefusedError extends Error {
  constructor(message = 'contact refused messages') {
    super(message);
    this.name = 'ContactRefusedError';
  }
}

/** Injectable so tests run on virtual time. */
export interface SenderTimer {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTimer: SenderTimer = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface ThrottleOptions {
  perContactMs: number;
  globalMs: number;
  timer?: SenderTimer;
}

interface Job {
  key: string;
  send: () => Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class SenderStoppedError extends Error {
  constructor() {
    super('the sender has stopped');
    this.name = 'SenderStoppedError';
  }
}

export class ThrottledSender {
  private readonly queue: Job[] = [];
  private readonly lastByKey = new Map<string, number>();
  private lastGlobal = Number.NEGATIVE_INFINITY;
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly timer: SenderTimer;

  constructor(private readonly options: ThrottleOptions) {
    this.timer = options.timer ?? realTimer;
  }

  /** Queues one message for `key` (a contact or room id); resolves once it is sent, rejects if sending fails. */
  enqueue(key: string, send: () => Promise<void>): Promise<void> {
    if (this.stopped) return Promise.reject(new SenderStoppedError());
    const done = new Promise<void>((resolve, reject) => this.queue.push({ key, send, resolve, reject }));
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return done;
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Resolves when everything queued so far has been sent (or has failed). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Drops what is still queued (its promises reject); later enqueues reject at once. */
  stop(): void {
    this.stopped = true;
    for (const job of this.queue.splice(0)) job.reject(new SenderStoppedError());
  }

  private readyAt(key: string): number {
    const own = (this.lastByKey.get(key) ?? Number.NEGATIVE_INFINITY) + this.options.perContactMs;
    return Math.max(own, this.lastGlobal + this.options.globalMs);
  }

  /** The job that may go soonest; only the first queued job of each key is a candidate, to keep order. */
  private next(): { index: number; readyAt: number } | null {
    const seen = new Set<string>();
    let best: { index: number; readyAt: number } | null = null;
    this.queue.forEach((job, index) => {
      if (seen.has(job.key)) return;
      seen.add(job.key);
      const readyAt = this.readyAt(job.key);
      if (!best || readyAt < best.readyAt) best = { index, readyAt };
    });
    return best;
  }

  private async drain(): Promise<void> {
    for (let choice = this.next(); choice; choice = this.next()) {
      const wait = choice.readyAt - this.timer.now();
      if (wait > 0) {
        await this.timer.sleep(wait);
        continue; // something may have become ready sooner while we slept
      }
      const [job] = this.queue.splice(choice.index, 1);
      const sentAt = this.timer.now();
      this.lastGlobal = sentAt;
      this.lastByKey.set(job!.key, sentAt);
      this.forgetOld(sentAt);
      try {
        await job!.send();
        job!.resolve();
      } catch (error) {
        job!.reject(error);
      }
    }
  }

  private forgetOld(now: number): void {
    if (this.lastByKey.size < 1000) return;
    for (const [key, at] of this.lastByKey) if (now - at >= this.options.perContactMs) this.lastByKey.delete(key);
  }
}
