/**
 * Customer-service messages (POST /cgi-bin/message/custom/send): how replies
 * reach a founder when a turn takes longer than WeChat waits for a passive
 * reply, or do not fit in one. Messages go one after another, in order; an
 * expired token is refreshed once and the message sent again.
 */
import { AccessTokenCache, numberOrNull, requestJson, WechatApiError } from '../../reminders/wechat-access-token';

const TOKEN_EXPIRED = new Set([40001, 42001]);

export interface CustomerServiceOptions {
  tokens: AccessTokenCache;
  apiBase: string;
  timeoutMs: number;
}

export class CustomerServiceSender {
  constructor(private readonly options: CustomerServiceOptions) {}

  /** Sends each message in order; stops at the first one WeChat refuses (later ones would arrive out of order). */
  async sendTexts(openid: string, messages: readonly string[]): Promise<void> {
    for (const content of messages) await this.sendText(openid, content);
  }

  private async sendText(openid: string, content: string): Promise<void> {
    const body = JSON.stringify({ touser: openid, msgtype: 'text', text: { content } });
    let result = await this.post(body);
    if (TOKEN_EXPIRED.has(result.errcode)) {
      this.options.tokens.invalidate(result.token);
      result = await this.post(body);
    }
    if (result.errcode !== 0) throw new WechatApiError(result.errcode, result.errmsg);
  }

  private async post(body: string): Promise<{ errcode: number; errmsg: string; token: string }> {
    const token = await this.options.tokens.token();
    const url = new URL('/cgi-bin/message/custom/send', this.options.apiBase);
    url.search = new URLSearchParams({ access_token: token }).toString();
    const reply = await requestJson(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body },
      this.options.timeoutMs,
    );
    return { errcode: numberOrNull(reply.errcode) ?? 0, errmsg: String(reply.errmsg ?? ''), token };
  }
}
