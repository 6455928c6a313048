/**
 * WeCom customer service's callback (微信客服 → API → 回调配置), always in
 * safe mode, the receiver being the CorpId.
 *
 * - GET: the URL check: `msg_signature` over the encrypted `echostr`; the
 *   answer is the decrypted echostr.
 * - POST: an envelope whose message is, for us, the event `kf_msg_or_event`
 *   (Token + OpenKfId): answered `success` at once, and the account's
 *   messages are pulled after it (sync.ts). Other messages get `success`.
 *
 * A wrong or missing signature is 401, malformed XML or a failed decryption
 * 400; nothing is pulled for either.
 */
import Router from '@koa/router';
import type { Context } from 'koa';
import type { Logger } from '../../logging/logger';
import { WechatCryptoError, WechatXmlError } from '../wechat/errors';
import type { AesKey } from '../wechat/message-crypto';
import { openEcho, openEnvelope, type SafeModeQuery } from '../wechat/safe-mode';
import type { KfSync } from './sync';

export const WECOM_KF_PATH = '/wecom/kf';

export interface WecomKfSettings {
  token: string;
  corpId: string;
  aesKey: AesKey;
}

export interface WecomKfDependencies {
  settings: WecomKfSettings;
  sync: Pick<KfSync, 'pull'>;
  logger: Logger;
}

function safeModeQuery(ctx: Context): SafeModeQuery | null {
  const { msg_signature, timestamp, nonce } = ctx.query;
  if (typeof msg_signature !== 'string' || typeof timestamp !== 'string' || typeof nonce !== 'string') return null;
  if (!msg_signature || !timestamp || !nonce) return null;
  return { msg_signature, timestamp, nonce };
}

export function wecomKfRouter(deps: WecomKfDependencies): Router {
  const { settings, logger } = deps;
  const account = { token: settings.token, key: settings.aesKey, receiveId: settings.corpId };
  const router = new Router();

  /** 401 for a bad signature, 400 for the rest; anything else is a bug and goes on up. */
  function refuse(ctx: Context, error: unknown): void {
    if (!(error instanceof WechatCryptoError || error instanceof WechatXmlError)) throw error;
    logger.warn({ reason: error.reason }, 'wecom kf: callback refused');
    ctx.status = error instanceof WechatCryptoError && error.reason === 'bad_signature' ? 401 : 400;
    ctx.body = 'bad message';
  }

  router.get(WECOM_KF_PATH, (ctx) => {
    const query = safeModeQuery(ctx);
    const echostr = ctx.query.echostr;
    if (!query || typeof echostr !== 'string' || !echostr) {
      ctx.status = 401;
      ctx.body = 'signature mismatch';
      return;
    }
    try {
      const plain = openEcho({ ...account, query: { ...query, echostr } });
      ctx.type = 'text/plain';
      ctx.body = plain;
    } catch (error) {
      refuse(ctx, error);
    }
  });

  router.post(WECOM_KF_PATH, (ctx) => {
    const query = safeModeQuery(ctx);
    if (!query) {
      ctx.status = 401;
      ctx.body = 'signature mismatch';
      return;
    }
    const raw = typeof ctx.state.rawBody === 'string' ? ctx.state.rawBody : '';
    let fields: Record<string, string>;
    try {
      fields = openEnvelope({ ...account, body: raw, query });
    } catch (error) {
      refuse(ctx, error);
      return;
    }
    if (fields.MsgType === 'event' && fields.Event === 'kf_msg_or_event') {
      if (!fields.Token || !fields.OpenKfId) {
        ctx.status = 400;
        ctx.body = 'bad message';
        return;
      }
      // WeCom waits 5 s and retries: answer now, pull after (a retry only coalesces into the pull).
      void deps.sync.pull(fields.OpenKfId, fields.Token);
    }
    ctx.body = 'success';
  });

  return router;
}
