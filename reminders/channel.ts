/**
 * The port every reminder channel implements (Wechaty bot text, mini-program
 * subscribeMessage, the benchmark's in-memory sink). A channel turns one
 * founder's bundle into one message and says how it went; it never throws for
 * an ordinary failure, and it knows nothing about the outbox.
 */
import type { ReminderChannelName } from '../channels/registry';
import type { DeliveryKind } from '../entities/reminder-delivery';

/** A channel that carries reminders (channels/registry.ts). */
export type ChannelName = ReminderChannelName;

export interface BundleItem {
  deliveryId: number;
  kind: DeliveryKind;
  policyId: string;
  policyTitle: string;
  windowKey: string;
  /** Deadline, ISO date in Asia/Shanghai. */
  closesOn: string;
  /** Days from today (Shanghai) to the deadline; negative for follow-ups. */
  daysLeft: number;
  /** What to prepare (the policy's how_to_apply.materials). */
  materials: string[];
  /** The official application page, or our policy page. */
  link: string;
}

/** Several due reminders of one founder on one channel, sent as one message. */
export interface DeliveryBundle {
  founderId: string;
  channel: ChannelName;
  /** Wechaty contact id (wechat) or openid (miniprogram). */
  recipient: string;
  /** The subscribeMessage template the founder accepted (miniprogram). */
  templateId?: string;
  /** The account the founder wrote to, which must write back (WeCom's open_kfid). */
  via?: string;
  items: BundleItem[];
}

export type SendResult =
  /** `messages`: how many messages it took (a long text is split), 1 when absent. */
  | { status: 'sent'; messages?: number }
  /** Worth trying again later (network, 5xx, rate limit, channel down). */
  | { status: 'retry'; error: string }
  /** The founder refused this channel (WeChat errcode 43101): never retried. */
  | { status: 'refused'; error: string }
  /** The customer-service window is closed (the platform said so): the reminder goes another way. */
  | { status: 'window_closed'; error: string };

export interface ReminderChannel {
  readonly name: ChannelName;
  send(bundle: DeliveryBundle): Promise<SendResult>;
}

export function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}
