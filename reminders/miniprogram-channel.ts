/**
 * Reminders as mini-program subscribe messages:
 * POST {WECHAT_API_BASE}/cgi-bin/message/subscribe/send?access_token=…
 * An expired token (40001/42001) is refreshed once and the send repeated;
 * 43101 means the founder refused (or used up) the subscription: not retried.
 */
import type { ReminderChannel, SendResult } from './channel';
import { errorText } from './channel';
import { miniprogramMessage } from './messages';
import { AccessTokenCache, numberOrNull, requestJson, WechatApiError } from './wechat-access-token';

export const ERRCODE_TOKEN_INVALID = 40001;
export const ERRCODE_TOKEN_EXPIRED = 42001;
export const ERRCODE_REFUSED = 43101;

export interface MiniprogramChannelOptions {
  tokens: AccessTokenCache;
  apiBase: string;
  timeoutMs: number;
  /** MINIPROGRAM_PAGE: the page a notification opens. */
  page: string;
  /** WECHAT_TEMPLATE_ID, used when the subscription names no template. */
  defaultTemplateId?: string;
  /** `formal` in production; `trial`/`developer` for test builds of the mini-program. */
  state?: 'formal' | 'trial' | 'developer';
}

export function miniprogramChannel(options: MiniprogramChannelOptions): ReminderChannel {
  return {
    name: 'miniprogram',
    async send(bundle) {
      const templateId = bundle.templateId ?? options.defaultTemplateId;
      // A configuration gap, not the founder's refusal: fail visibly after the retries.
      if (!templateId)
        return { status: 'retry', error: 'no subscribeMessage template accepted or configured (WECHAT_TEMPLATE_ID)' };
      const message = miniprogramMessage(bundle, options.page);
      const body = JSON.stringify({
        touser: bundle.recipient,
        template_id: templateId,
        page: message.page,
        data: message.data,
        miniprogram_state: options.state ?? 'formal',
        lang: 'zh_CN',
      });
      try {
        let result = await post(options, body);
        if (result.errcode === ERRCODE_TOKEN_INVALID || result.errcode === ERRCODE_TOKEN_EXPIRED) {
          options.tokens.invalidate(result.token);
          result = await post(options, body);
        }
        return outcome(result.errcode, result.errmsg);
      } catch (error) {
        return { status: 'retry', error: errorText(error) };
      }
    },
  };
}

async function post(
  options: MiniprogramChannelOptions,
  body: string,
): Promise<{ errcode: number; errmsg: string; token: string }> {
  const token = await options.tokens.token();
  const url = new URL('/cgi-bin/message/subscribe/send', options.apiBase);
  url.search = new URLSearchParams({ access_token: token }).toString();
  const reply = await requestJson(
    url,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body },
    options.timeoutMs,
  );
  const errcode = numberOrNull(reply.errcode) ?? 0;
  return { errcode, errmsg: String(reply.errmsg ?? ''), token };
}

function outcome(errcode: number, errmsg: string): SendResult {
  if (errcode === 0) return { status: 'sent' };
  const error = new WechatApiError(errcode, errmsg).message;
  if (errcode === ERRCODE_REFUSED) return { status: 'refused', error };
  return { status: 'retry', error };
}
