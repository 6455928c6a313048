/**
 * Customer-service windows (issue 19): WeChat's 客服消息 and WeCom's 微信客服
 * let us write to a founder only within a while of their last message, a few
 * times. The chat adapters record when the founder wrote and what was sent
 * since; the reminder sender reads it (founder_identity) to send inside the
 * window or go another way.
 */
import type { EntityManager } from 'typeorm';
import { serviceWindowOf, type ChannelName } from '../channels/registry';
import { FounderIdentity } from '../entities';

/** Who, on which channel: the founder_identity key. */
export interface WindowAddress {
  channel: ChannelName;
  externalId: string;
}

export interface WindowUse {
  windowOpenedAt: Date | null;
  windowSends: number;
}

export class ServiceWindows {
  constructor(private readonly manager: EntityManager) {}

  /**
   * The founder wrote at `at`: the window starts again with nothing sent.
   * `via` is where they wrote to (WeCom's open_kfid), needed to write back.
   * A founder not yet known on the channel changes nothing.
   */
  async opened(address: WindowAddress, at: Date, via: string | null = null): Promise<void> {
    await this.manager.update(FounderIdentity, address, {
      windowOpenedAt: at,
      windowSends: 0,
      windowVia: via,
    });
  }

  /** `count` messages went out in the window. */
  async spent(address: WindowAddress, count: number): Promise<void> {
    if (count <= 0) return;
    await this.manager.increment(FounderIdentity, address, 'windowSends', count);
  }

  /** The platform said the window is closed: nothing more goes until the founder writes again. */
  async closed(address: WindowAddress): Promise<void> {
    const window = serviceWindowOf(address.channel);
    if (!window) return;
    await this.manager.update(FounderIdentity, address, { windowSends: window.messages });
  }
}

/**
 * Why a message cannot go on `channel` now, or null when it can: no window
 * (the channel has none), or one still open with room for another message.
 */
export function windowClosedReason(channel: string, use: WindowUse | undefined, now: Date): string | null {
  const window = serviceWindowOf(channel);
  if (!window) return null;
  if (!use?.windowOpenedAt) return `${channel} customer-service window closed: the founder has not written yet`;
  const hours = (now.getTime() - use.windowOpenedAt.getTime()) / 3_600_000;
  if (hours >= window.hours)
    return `${channel} customer-service window closed: the founder last wrote ${Math.floor(hours)} h ago (limit ${window.hours} h)`;
  if (use.windowSends >= window.messages)
    return `${channel} customer-service window used up: ${use.windowSends} of ${window.messages} messages sent since the founder last wrote`;
  return null;
}
