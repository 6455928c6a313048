/**
 * The two calls of WeCom's customer-service API this channel makes, on
 * qyapi.weixin.qq.com with the 微信客服 app's access_token:
 *
 * - POST /cgi-bin/kf/sync_msg: the messages after a cursor (the callback
 *   only says there are some);
 * - POST /cgi-bin/kf/send_msg: a text to a customer.
 *
 * A token WeCom reports invalid or expired (40014, 42001) is dropped and the
 * call made once more with a fresh one.
 */
import { AccessTokenCache, numberOrNull, requestJson, WechatApiError } from '../../reminders/wechat-access-token';

const TOKEN_EXPIRED = new Set([40014, 42001]);

/** One message as sync_msg lists it (only the fields this channel reads). */
export interface KfMessage {
  msgid: string;
  open_kfid: string;
  external_userid?: string;
  /** 3: from the customer; 4: a system event; 5: from a human servicer. */
  origin: number;
  msgtype: string;
  /** When the message was sent, in seconds. */
  send_time?: number;
  text?: { content?: string };
}

export interface KfPage {
  messages: KfMessage[];
  nextCursor: string;
  hasMore: boolean;
}

export interface WecomKfApiOptions {
  tokens: AccessTokenCache;
  apiBase: string;
  timeoutMs: number;
}

export class WecomKfApi {
  constructor(private readonly options: WecomKfApiOptions) {}

  /** One page of messages after `cursor` ('' for the oldest WeCom still holds). */
  async syncMsg(input: { cursor: string; token: string; openKfId: string }): Promise<KfPage> {
    const body: Record<string, unknown> = { token: input.token, limit: 1000, open_kfid: input.openKfId };
    if (input.cursor) body.cursor = input.cursor;
    const reply = await this.call('/cgi-bin/kf/sync_msg', body);
    const list = Array.isArray(reply.msg_list) ? (reply.msg_list as KfMessage[]) : [];
    return {
      messages: list.filter((m) => m && typeof m.msgid === 'string'),
      nextCursor: typeof reply.next_cursor === 'string' ? reply.next_cursor : input.cursor,
      hasMore: Number(reply.has_more ?? 0) === 1,
    };
  }

  /** Sends each text in order; stops at the first one WeCom refuses (later ones would arrive out of order). */
  async sendTexts(externalUserId: string, openKfId: string, messages: readonly string[]): Promise<void> {
    for (const content of messages) {
      await this.call('/cgi-bin/kf/send_msg', {
        touser: externalUserId,
        open_kfid: openKfId,
        msgtype: 'text',
        text: { content },
      });
    }
  }

  private async call(pathname: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    let result = await this.post(pathname, body);
    if (TOKEN_EXPIRED.has(result.errcode)) {
      this.options.tokens.invalidate(result.token);
      result = await this.post(pathname, body);
    }
    if (result.errcode !== 0) throw new WechatApiError(result.errcode, `${pathname}: ${result.errmsg}`);
    return result.reply;
  }

  private async post(
    pathname: string,
    body: Record<string, unknown>,
  ): Promise<{ errcode: number; errmsg: string; token: string; reply: Record<string, unknown> }> {
    const token = await this.options.tokens.token();
    const url = new URL(pathname, this.options.apiBase);
    url.search = new URLSearchParams({ access_token: token }).toString();
    const reply = await requestJson(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
      this.options.timeoutMs,
    );
    return { errcode: numberOrNull(reply.errcode) ?? 0, errmsg: String(reply.errmsg ?? ''), token, reply };
  }
}
