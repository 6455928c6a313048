/**
 * Pulling and answering a customer-service account's messages. WeCom's
 * callback only says "there are messages for open_kfid X" (with a Token good
 * for ten minutes); the messages themselves come from kf/sync_msg, page by
 * page after a cursor kept in the database (wecom_kf_cursor).
 *
 * - One pull at a time per account in this process: an event that arrives
 *   while one runs is coalesced into one more pull after it, with the newest
 *   Token. Replicas may pull the same page; the msgid recorded in the database
 *   (inbound_message) lets only the first run the turn.
 * - A customer's text (origin 3) is one dialogue turn; any other kind of
 *   message from them gets one "please write" reply; servicers' messages and
 *   system events are skipped. Replies go by kf/send_msg, 2,048 bytes each,
 *   in order.
 * - Each msgid runs once (inbound_message, across replicas), and the position is saved
 *   after every turn, before its replies are sent: a restart resumes after
 *   the last turn it ran. A crash between a turn's commit and that save runs
 *   that one message again; a crash before its replies went out loses them.
 *
 * Logs carry no external_userid and no message text.
 */
import type { ChatAddress, DialogueService } from '../../bot/dialogue';
import { text } from '../../bot/messages';
import { loggableError } from '../../logging/loggable-error';
import type { Logger } from '../../logging/logger';
import type { KfReadPosition } from '../../services/wecom-kf-cursor-store';
import type { MessageKeys } from '../../services/inbound-messages';
import { splitBytes } from '../wechat/split-bytes';
import { noteWindow, sendInWindow } from '../wechat/note-window';
import type { ServiceWindows } from '../../services/service-windows';
import type { KfMessage, WecomKfApi } from './kf-api';

/** sync_msg's origin for a message the customer sent. */
const FROM_CUSTOMER = 3;
/**
 * With no stored cursor (the channel's first pull), WeCom returns up to three
 * days of history that nobody sent to us: older than this, it is not answered.
 */
export const FIRST_PULL_MAX_AGE_MS = 10 * 60_000;

export interface KfSyncDependencies {
  api: Pick<WecomKfApi, 'syncMsg' | 'sendTexts'>;
  cursors: {
    load(openKfId: string): Promise<KfReadPosition>;
    save(openKfId: string, position: KfReadPosition): Promise<void>;
  };
  dialogue: Pick<DialogueService, 'receive'>;
  /** The customer-service window each customer message opens and each reply uses (reminders read it). */
  windows: Pick<ServiceWindows, 'opened' | 'spent'>;
  /** Messages already handled, by this process or another replica (services/inbound-messages.ts). */
  messages: MessageKeys;
  logger: Logger;
  now?: () => Date;
}

interface Run {
  /** The Token of an event that came during the run: pull once more with it. */
  again: string | null;
  done: Promise<void>;
}

export class KfSync {
  private readonly runs = new Map<string, Run>();

  constructor(private readonly deps: KfSyncDependencies) {}

  /** Pulls the account's new messages (now, or after the pull under way); resolves when none are left. */
  pull(openKfId: string, token: string): Promise<void> {
    const running = this.runs.get(openKfId);
    if (running) {
      running.again = token;
      return running.done;
    }
    const run: Run = { again: token, done: Promise.resolve() };
    this.runs.set(openKfId, run);
    run.done = (async () => {
      try {
        while (run.again !== null) {
          const next = run.again;
          run.again = null;
          await this.pullAll(openKfId, next).catch((error: unknown) => {
            this.deps.logger.warn({ err: loggableError(error) }, 'wecom kf: pulling messages failed');
          });
        }
      } finally {
        this.runs.delete(openKfId);
      }
    })();
    return run.done;
  }

  private async pullAll(openKfId: string, token: string): Promise<void> {
    let position = await this.deps.cursors.load(openKfId);
    const now = this.now().getTime();
    const firstPull = !position.cursor;
    for (;;) {
      const page = await this.deps.api.syncMsg({ cursor: position.cursor, token, openKfId });
      // Resuming a page: skip what was handled before (all of it, if that message is gone).
      const handled = position.handledMsgId
        ? page.messages.findIndex((message) => message.msgid === position.handledMsgId)
        : -1;
      for (const message of page.messages.slice(handled + 1)) {
        if (firstPull && message.send_time !== undefined && now - message.send_time * 1000 > FIRST_PULL_MAX_AGE_MS)
          continue;
        const replies = await this.turn(openKfId, message);
        if (replies === null) continue;
        position = { cursor: position.cursor, handledMsgId: message.msgid };
        await this.deps.cursors.save(openKfId, position);
        await this.send(openKfId, message, replies);
      }
      // An empty page that moves nothing writes nothing: every event's pull ends with one,
      // and rewriting the same position could undo a newer one saved meanwhile.
      const moved = page.nextCursor !== position.cursor || position.handledMsgId !== null;
      position = { cursor: page.nextCursor, handledMsgId: null };
      if (moved) await this.deps.cursors.save(openKfId, position);
      if (!page.hasMore || page.messages.length === 0) return;
    }
  }

  /** The replies to one message, or null when it asks for none (not the customer's, or seen before). */
  private async turn(openKfId: string, message: KfMessage): Promise<string[] | null> {
    const externalUserId = message.external_userid;
    if (message.origin !== FROM_CUSTOMER || !externalUserId) return null;
    if (!(await this.deps.messages.claim(`wecom_kf:${message.msgid}`))) return null;
    if (message.msgtype !== 'text') return [text.nonText];
    const address: ChatAddress = {
      channelKey: `wecom:${openKfId}:${externalUserId}`,
      identity: { channel: 'wecom_kf', externalUserId },
    };
    return this.deps.dialogue.receive(address, message.text?.content ?? '');
  }

  private async send(openKfId: string, message: KfMessage, replies: string[]): Promise<void> {
    const window = { channel: 'wecom_kf', externalId: message.external_userid! } as const;
    // WeCom counts its 48 hours from the customer's message; a reminder writes back to the same account.
    const wrote = message.send_time !== undefined ? new Date(message.send_time * 1000) : this.now();
    await noteWindow(() => this.deps.windows.opened(window, wrote, openKfId), this.deps.logger);
    const messages = splitBytes(replies.join('\n\n'));
    if (messages.length === 0) return;
    await sendInWindow({
      send: () => this.deps.api.sendTexts(window.externalId, openKfId, messages),
      window,
      count: messages.length,
      windows: this.deps.windows,
      logger: this.deps.logger,
      failure: 'wecom kf: send_msg failed',
    });
  }

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }
}
