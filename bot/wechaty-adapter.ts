/**
 * WeChat in and out, and nothing else: a Wechaty built from config (puppet and
 * token), each text message turned into a dialogue turn, each reply sent
 * through the throttled queue. It ignores its own messages and anything sent
 * before it started; in rooms it answers only when @mentioned; other message
 * kinds get a short hint; friend requests are accepted with a greeting when
 * BOT_ACCEPT_FRIENDS is on. Reminders reach founders through sendToContact.
 */
import { qrcodeValueToImageUrl, types, WechatyBuilder, type Wechaty } from 'wechaty';
import type { Config } from '../config/config';
import { loggableError } from '../logging/loggable-error';
import type { Logger } from '../logging/logger';
import type { ChatAddress } from './dialogue/dialogue-service';
import { text } from './messages';
import { ContactRefusedError, ContactSender, SenderTimer, ThrottledSender } from './throttled-sender';

type BotConfig = Pick<
  Config,
  | 'WECHATY_PUPPET'
  | 'WECHATY_PUPPET_SERVICE_TOKEN'
  | 'WECHATY_NAME'
  | 'BOT_ACCEPT_FRIENDS'
  | 'BOT_MIN_INTERVAL_PER_CONTACT_MS'
  | 'BOT_MIN_INTERVAL_GLOBAL_MS'
>;

export interface WechatyBotDependencies {
  config: BotConfig;
  dialogue: { receive(address: ChatAddress, message: string): Promise<string[]> };
  logger: Logger;
  /** A puppet instance (tests: wechaty-puppet-mock); otherwise WECHATY_PUPPET names one. */
  puppet?: unknown;
  timer?: SenderTimer;
}

export interface WechatyBot extends ContactSender {
  readonly wechaty: Wechaty;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when every queued reply has been sent (tests, shutdown). */
  idle(): Promise<void>;
}

export class UnknownContactError extends ContactRefusedError {
  constructor() {
    super('no such WeChat contact');
    this.name = 'UnknownContactError';
  }
}

type IncomingMessage = InstanceType<Wechaty['Message']>;

function buildWechaty(deps: WechatyBotDependencies): Wechaty {
  const { config } = deps;
  if (deps.puppet) {
    return WechatyBuilder.build({ name: config.WECHATY_NAME, puppet: deps.puppet as never });
  }
  if (!config.WECHATY_PUPPET) throw new Error('WECHATY_PUPPET is not set');
  return WechatyBuilder.build({
    name: config.WECHATY_NAME,
    puppet: config.WECHATY_PUPPET as never,
    puppetOptions: config.WECHATY_PUPPET_SERVICE_TOKEN ? { token: config.WECHATY_PUPPET_SERVICE_TOKEN } : {},
  });
}

export function createWechatyBot(deps: WechatyBotDependencies): WechatyBot {
  const { config, dialogue, logger } = deps;
  const wechaty = buildWechaty(deps);
  const sender = new ThrottledSender({
    perContactMs: config.BOT_MIN_INTERVAL_PER_CONTACT_MS,
    globalMs: config.BOT_MIN_INTERVAL_GLOBAL_MS,
    timer: deps.timer,
  });
  let startedAt = Number.POSITIVE_INFINITY;

  const send = (key: string, say: () => Promise<unknown>) =>
    sender
      .enqueue(key, async () => {
        await say();
      })
      .catch((error: unknown) => logger.warn({ err: loggableError(error) }, 'WeChat send failed'));

  async function onMessage(message: IncomingMessage): Promise<void> {
    if (message.self()) return;
    // WeChat replays recent history on login; timestamps may only have whole seconds.
    if (Math.floor(message.date().getTime() / 1000) < Math.floor(startedAt / 1000)) return;
    const room = message.room();
    const talker = message.talker();
    if (room && !(await message.mentionSelf())) return;
    const reply = (content: string) =>
      room ? send(room.id, () => room.say(content, talker)) : send(talker.id, () => talker.say(content));
    if (message.type() !== types.Message.Text) {
      await reply(text.nonText);
      return;
    }
    const said = room ? await message.mentionText() : message.text();
    const address: ChatAddress = {
      channelKey: room ? `room:${room.id}:${talker.id}` : `wechaty:${talker.id}`,
      identity: { channel: 'wechat', contactId: talker.id },
    };
    const replies = await dialogue.receive(address, said);
    await Promise.all(replies.map(reply));
  }

  wechaty.on('message', (message: IncomingMessage) => {
    onMessage(message).catch((error: unknown) => logger.error({ err: loggableError(error) }, 'WeChat message failed'));
  });
  wechaty.on('friendship', (friendship) => {
    if (!config.BOT_ACCEPT_FRIENDS || friendship.type() !== types.Friendship.Receive) return;
    const accept = async () => {
      await friendship.accept();
      const contact = friendship.contact();
      await send(contact.id, () => contact.say(text.greetingForNewFriend));
    };
    accept().catch((error: unknown) => logger.warn({ err: loggableError(error) }, 'friend request failed'));
  });
  // The operator logs the account in by scanning this code (printed once per scan event).
  wechaty.on('scan', (qrcode, status) =>
    logger.info({ status, url: qrcodeValueToImageUrl(qrcode) }, 'WeChat bot: scan to log in'),
  );
  wechaty.on('login', () => logger.info('WeChat bot logged in'));
  wechaty.on('logout', () => logger.warn('WeChat bot logged out'));
  wechaty.on('error', (error) => logger.error({ err: loggableError(error) }, 'WeChat bot error'));

  return {
    wechaty,
    async start() {
      startedAt = Date.now();
      await wechaty.start();
    },
    async stop() {
      sender.stop();
      await wechaty.stop();
    },
    idle: () => sender.idle(),
    async sendToContact(contactId, content) {
      const contact = await wechaty.Contact.find({ id: contactId });
      if (!contact) throw new UnknownContactError();
      await sender.enqueue(contactId, async () => {
        await contact.say(content);
      });
    },
  };
}
