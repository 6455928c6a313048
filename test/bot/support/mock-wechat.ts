/**
 * A WeChat world for tests: wechaty-puppet-mock with a bot account and
 * founders who talk to it, and helpers to wait for the bot's replies.
 */
import { types } from 'wechaty';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { silentLogger } from '../../../logging/logger';
import { createWechatyBot, WechatyBot, WechatyBotDependencies } from '../../../bot/wechaty-adapter';

export type ContactMock = ReturnType<mock.Mocker['createContact']>;
export type RoomMock = ReturnType<mock.Mocker['createRoom']>;

export const botConfig = {
  WECHATY_PUPPET: 'wechaty-puppet-mock',
  WECHATY_PUPPET_SERVICE_TOKEN: undefined,
  WECHATY_NAME: 'founder-guide-test',
  BOT_ACCEPT_FRIENDS: true,
  BOT_MIN_INTERVAL_PER_CONTACT_MS: 0,
  BOT_MIN_INTERVAL_GLOBAL_MS: 0,
};

export interface MockWechat {
  mocker: mock.Mocker;
  puppet: PuppetMock;
  bot: WechatyBot;
  botUser: ContactMock;
  stop(): Promise<void>;
}

/** Starts a bot on a fresh mock puppet; `botUserId` lets a second bot log in as the same account. */
export async function startMockWechat(
  dialogue: WechatyBotDependencies['dialogue'],
  options: { botUserId?: string; acceptFriends?: boolean } = {},
): Promise<MockWechat> {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const botUser = mocker.createContact({
    ...(options.botUserId ? { id: options.botUserId } : {}),
    name: '创业政策向导',
  });
  const bot = createWechatyBot({
    config: { ...botConfig, BOT_ACCEPT_FRIENDS: options.acceptFriends ?? true },
    dialogue,
    logger: silentLogger(),
    puppet,
  });
  await bot.start();
  mocker.login(botUser);
  return {
    mocker,
    puppet,
    bot,
    botUser,
    async stop() {
      await bot.stop();
    },
  };
}

/** Everything the bot says to one contact (privately) or in one room, in order. */
export function inbox(from: ContactMock, conversation: ContactMock | RoomMock): string[] {
  const received: string[] = [];
  conversation.on('message', (message: { payload: { talkerId?: string; text?: string } }) => {
    if (message.payload.talkerId === from.id && message.payload.text) received.push(message.payload.text);
  });
  return received;
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the bot');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Lets queued events and sends settle, for asserting that nothing was said. */
export async function settle(wechat: MockWechat, ms = 150): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  await wechat.bot.idle();
}

/** A message that arrives now but was sent `ageMs` ago (WeChat replays history on login). */
export function replayOldMessage(wechat: MockWechat, talker: ContactMock, text: string, ageMs: number): void {
  const message = wechat.mocker.MessageMock.create({
    id: `old-${Math.random().toString(36).slice(2)}`,
    talkerId: talker.id,
    listenerId: wechat.botUser.id,
    text,
    timestamp: Date.now() - ageMs,
    type: types.Message.Text,
  });
  wechat.puppet.emit('message', { messageId: message.id });
}

export function sendImage(wechat: MockWechat, talker: ContactMock): void {
  const message = wechat.mocker.MessageMock.create({
    id: `img-${Math.random().toString(36).slice(2)}`,
    talkerId: talker.id,
    listenerId: wechat.botUser.id,
    timestamp: Date.now(),
    type: types.Message.Image,
  });
  wechat.puppet.emit('message', { messageId: message.id });
}

export async function requestFriendship(wechat: MockWechat, stranger: ContactMock): Promise<void> {
  const friendshipId = `friendship-${stranger.id}`;
  await wechat.puppet.friendshipPayload(friendshipId, {
    id: friendshipId,
    contactId: stranger.id,
    hello: '你好',
    ticket: 'ticket',
    timestamp: Date.now(),
    type: types.Friendship.Receive,
  });
  wechat.puppet.emit('friendship', { friendshipId });
}
