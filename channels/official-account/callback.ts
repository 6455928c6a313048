/**
 * The Official Account's message callback (公众号 服务器配置), over the same
 * dialogue engine as every chat channel.
 *
 * - GET: WeChat checks the URL: `echostr` back when `signature` is ours.
 * - POST: a founder's message (plaintext, or 安全模式 with `encrypt_type=aes`).
 *   Every POST carries `signature`; a wrong one is 401 and nothing runs.
 *   Malformed XML or a failed decryption is 400.
 * - WeChat waits 5 s and retries three times: a message seen before
 *   (`MsgId`, or sender + time for events; recorded in inbound_message, so a
 *   retry that reaches another replica counts too) is answered `success` and
 *   not run again.
 * - A turn that finishes within the budget is the passive reply; a longer one
 *   is answered `success` at once and its replies follow as customer-service
 *   messages, as do replies past the first 2,048 bytes.
 *
 * Logs carry no openid and no message text.
 */
import Router from '@koa/router';
import type { Context } from 'koa';
import type { ChatAddress, DialogueService } from '../../bot/dialogue';
import { text } from '../../bot/messages';
import { loggableError } from '../../logging/loggable-error';
import type { Logger } from '../../logging/logger';
import { WechatCryptoError, WechatXmlError } from '../wechat/errors';
import type { AesKey } from '../wechat/message-crypto';
import { openEnvelope, sealReply } from '../wechat/safe-mode';
import { signaturesMatch, urlSignature } from '../wechat/signature';
import { buildXml, parseXml } from '../wechat/xml';
import type { CustomerServiceSender } from './customer-service';
import type { MessageKeys } from '../../services/inbound-messages';
import { splitBytes } from '../wechat/split-bytes';
import { noteWindow, sendInWindow } from '../wechat/note-window';
import type { ServiceWindows, WindowAddress } from '../../services/service-windows';

export const OFFICIAL_ACCOUNT_PATH = '/wechat/official-account';

export interface OfficialAccountSettings {
  token: string;
  appid: string;
  /** Safe mode's key; null: plaintext mode only. */
  aesKey: AesKey | null;
  replyBudgetMs: number;
}

export interface OfficialAccountDependencies {
  settings: OfficialAccountSettings;
  dialogue: Pick<DialogueService, 'receive'>;
  /** Null without WECHAT_OA_SECRET: replies that do not fit one passive reply are then lost (and logged). */
  sender: CustomerServiceSender | null;
  /** The customer-service window each message opens and each sent message uses (reminders read it). */
  windows: Pick<ServiceWindows, 'opened' | 'spent'>;
  /** Messages already handled, by this process or another replica (services/inbound-messages.ts). */
  messages: MessageKeys;
  logger: Logger;
  now?: () => Date;
}

type Query = Record<string, string | undefined>;

function queryOf(ctx: Context): Query {
  const query: Query = {};
  for (const [key, value] of Object.entries(ctx.query)) query[key] = typeof value === 'string' ? value : undefined;
  return query;
}

function signedByWechat(token: string, query: Query): boolean {
  const { signature, timestamp, nonce } = query;
  if (!signature || !timestamp || !nonce) return false;
  return signaturesMatch(urlSignature(token, timestamp, nonce), signature);
}

/** What an incoming message asks of the dialogue: a text to answer, fixed replies, or nothing. */
function turnFor(fields: Record<string, string>): { say: string } | { replies: string[] } | null {
  switch (fields.MsgType) {
    case 'text':
      return { say: fields.Content ?? '' };
    case 'event':
      // A new follower gets the greeting; unsubscribing and menu clicks get nothing.
      return fields.Event === 'subscribe' ? { replies: [text.greetingForNewFriend] } : null;
    default:
      return { replies: [text.nonText] };
  }
}

const delay = (ms: number) => new Promise<null>((resolve) => setTimeout(() => resolve(null), ms).unref());

export function officialAccountRouter(deps: OfficialAccountDependencies): Router {
  const { settings, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const router = new Router();

  router.get(OFFICIAL_ACCOUNT_PATH, (ctx) => {
    const query = queryOf(ctx);
    if (!signedByWechat(settings.token, query) || !query.echostr) {
      ctx.status = 401;
      ctx.body = 'signature mismatch';
      return;
    }
    ctx.type = 'text/plain';
    ctx.body = query.echostr;
  });

  router.post(OFFICIAL_ACCOUNT_PATH, async (ctx) => {
    const query = queryOf(ctx);
    if (!signedByWechat(settings.token, query)) {
      ctx.status = 401;
      ctx.body = 'signature mismatch';
      return;
    }
    const raw = typeof ctx.state.rawBody === 'string' ? ctx.state.rawBody : '';
    const safe = query.encrypt_type === 'aes';
    let fields: Record<string, string>;
    try {
      if (safe) {
        if (!settings.aesKey || !query.msg_signature)
          throw new WechatCryptoError('bad_signature', 'safe mode is not set up');
        fields = openEnvelope({
          body: raw,
          query: { msg_signature: query.msg_signature, timestamp: query.timestamp!, nonce: query.nonce! },
          token: settings.token,
          key: settings.aesKey,
          receiveId: settings.appid,
        });
      } else {
        fields = parseXml(raw);
      }
    } catch (error) {
      if (!(error instanceof WechatCryptoError || error instanceof WechatXmlError)) throw error;
      logger.warn({ reason: error.reason }, 'official account: callback refused');
      ctx.status = error instanceof WechatCryptoError && error.reason === 'bad_signature' ? 401 : 400;
      ctx.body = 'bad message';
      return;
    }
    const openid = fields.FromUserName;
    if (!openid || !fields.ToUserName) {
      ctx.status = 400;
      ctx.body = 'bad message';
      return;
    }
    const key = fields.MsgId ?? `${openid}:${fields.CreateTime ?? ''}:${fields.Event ?? ''}`;
    const turn = turnFor(fields);
    if (!turn || !(await deps.messages.claim(`official_account:${key}`))) {
      ctx.body = 'success';
      return;
    }
    const address: ChatAddress = {
      channelKey: `oa:${openid}`,
      identity: { channel: 'official_account', openid },
    };
    const window = { channel: 'official_account', externalId: openid } as const;
    // Any message or event from the founder opens WeChat's 48-hour window (after the turn: it may create the founder).
    const replies = ('replies' in turn ? Promise.resolve(turn.replies) : deps.dialogue.receive(address, turn.say)).then(
      async (done) => {
        await noteWindow(() => deps.windows.opened(window, now()), logger);
        return done;
      },
    );
    const ready = settings.replyBudgetMs === 0 ? null : await Promise.race([replies, delay(settings.replyBudgetMs)]);
    if (ready === null) {
      // Slower than WeChat waits: answer now, and send the replies when they come.
      ctx.body = 'success';
      void replies
        .then((done) => sendLater(window, splitBytes(done.join('\n\n'))))
        .catch((error: unknown) => logger.error({ err: loggableError(error) }, 'official account: a turn failed'));
      return;
    }
    const [first, ...rest] = splitBytes(ready.join('\n\n'));
    if (rest.length > 0) void sendLater(window, rest);
    if (!first) {
      ctx.body = 'success';
      return;
    }
    const replyXml = buildXml({
      ToUserName: openid,
      FromUserName: fields.ToUserName,
      CreateTime: Math.floor(now().getTime() / 1000),
      MsgType: 'text',
      Content: first,
    });
    ctx.type = 'application/xml';
    ctx.body =
      safe && settings.aesKey
        ? sealReply({
            replyXml,
            token: settings.token,
            key: settings.aesKey,
            receiveId: settings.appid,
            timestamp: query.timestamp!,
            nonce: query.nonce!,
          })
        : replyXml;
  });

  /** Customer-service messages (the passive reply is free; these use the window). */
  async function sendLater(window: WindowAddress, messages: string[]): Promise<void> {
    if (messages.length === 0) return;
    if (!deps.sender) {
      logger.warn({ messages: messages.length }, 'official account: replies not sent (WECHAT_OA_SECRET is not set)');
      return;
    }
    const sender = deps.sender;
    await sendInWindow({
      send: () => sender.sendTexts(window.externalId, messages),
      window,
      count: messages.length,
      windows: deps.windows,
      logger,
      failure: 'official account: customer-service message failed',
    });
  }

  return router;
}
