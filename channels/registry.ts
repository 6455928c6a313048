/**
 * Every way a founder reaches founder-guide, in one list (issue 19). What a
 * channel can do is said here once; the types, the API's enums, the reminder
 * planner and the chat read it from here instead of naming channels
 * themselves. Adding a channel is an entry here, an adapter, a sender and a
 * config block.
 */
export interface ChannelTraits {
  /** Chinese name shown to founders ("我的提醒 … （微信）"). */
  label: string;
  /** The dialogue engine answers on it. */
  chat: boolean;
  /** Deadline reminders can be sent on it. */
  reminders: boolean;
  /**
   * Where the "did you apply?" follow-up goes when a founder was reminded on
   * several channels: the highest rank (a chat channel can take the answer).
   */
  followUpRank: number;
  /**
   * A customer-service window: the platform lets us write only within `hours`
   * of the founder's last message, at most `messages` times (WeChat's 客服消息,
   * WeCom's 微信客服 send_msg). A reminder outside it goes by another channel.
   */
  serviceWindow?: { hours: number; messages: number };
}

export const CHANNELS = {
  miniprogram: { label: '小程序', chat: false, reminders: true, followUpRank: 1 },
  // Follow-ups prefer a chat that can take the answer at any time, then the windowed ones.
  wechat: { label: '微信', chat: true, reminders: true, followUpRank: 4 },
  terminal: { label: '终端', chat: true, reminders: false, followUpRank: 0 },
  official_account: {
    label: '公众号',
    chat: true,
    reminders: true,
    followUpRank: 3,
    serviceWindow: { hours: 48, messages: 5 },
  },
  // WeCom customer service (企业微信 微信客服): 5 messages within 48 hours of the founder's last one.
  wecom_kf: {
    label: '微信客服',
    chat: true,
    reminders: true,
    followUpRank: 2,
    serviceWindow: { hours: 48, messages: 5 },
  },
  api: { label: 'API', chat: false, reminders: false, followUpRank: 0 },
} as const satisfies Record<string, ChannelTraits>;

export type ChannelName = keyof typeof CHANNELS;

type ChannelsWhere<K extends 'chat' | 'reminders'> = {
  [N in ChannelName]: (typeof CHANNELS)[N][K] extends true ? N : never;
}[ChannelName];

/** Channels the dialogue engine answers on. */
export type ChatChannel = ChannelsWhere<'chat'>;
/** Channels that carry deadline reminders. */
export type ReminderChannelName = ChannelsWhere<'reminders'>;

const NAMES = Object.keys(CHANNELS) as ChannelName[];

export const CHANNEL_NAMES: readonly ChannelName[] = NAMES;

/** For zod enums: at least one member, in a fixed order. */
export const REMINDER_CHANNELS = NAMES.filter((name) => CHANNELS[name].reminders) as [
  ReminderChannelName,
  ...ReminderChannelName[],
];

export function carriesReminders(name: string): name is ReminderChannelName {
  return (REMINDER_CHANNELS as readonly string[]).includes(name);
}

/** The channel's customer-service window, if it has one. */
export function serviceWindowOf(name: string): ChannelTraits['serviceWindow'] {
  return (CHANNELS as Record<string, ChannelTraits>)[name]?.serviceWindow;
}

export function channelLabel(name: string): string {
  return (CHANNELS as Record<string, ChannelTraits>)[name]?.label ?? name;
}

/**
 * SQL choosing, among a group's rows, the channel with the highest follow-up
 * rank: `CASE MAX(CASE column WHEN … THEN rank END) WHEN rank THEN 'name' … END`.
 * Built from the list, so no channel's place depends on how its name sorts.
 */
export function preferredFollowUpChannelSql(column: string): string {
  const ranked = REMINDER_CHANNELS.map((name) => ({ name, rank: CHANNELS[name].followUpRank }));
  const rankOf = `CASE ${column} ${ranked.map((c) => `WHEN '${c.name}' THEN ${c.rank}`).join(' ')} END`;
  return `CASE MAX(${rankOf}) ${ranked.map((c) => `WHEN ${c.rank} THEN '${c.name}'`).join(' ')} END`;
}
