/**
 * WeChat `jscode2session`: turns a mini-program login code into the openid
 * (and unionid when the app is bound to an open platform account). The
 * session_key is dropped right here: nothing in founder-guide needs it, so
 * nothing can leak it.
 */
import { WECHAT_ID_MAX_LENGTH } from '../entities/founder';
import { AuthError, UpstreamError } from '../errors';

export interface WechatAppCredentials {
  apiBase: string;
  appid: string;
  secret: string;
  timeoutMs: number;
}

export interface CodeSession {
  openid: string;
  unionid?: string;
}

/** User-facing wording, injected so this service stays free of any channel's texts. */
export interface CodeSessionMessages {
  codeInvalid: string;
  userBlocked: string;
  timeout: string;
  unreachable: string;
  failed: (errcode: number) => string;
}

/** Codes that mean "this login code is no good": ask the founder to log in again. */
const INVALID_CODE = new Set([40029, 40163]);
/** WeChat flagged the user as high risk. */
const BLOCKED = 40226;

export async function exchangeLoginCode(
  credentials: WechatAppCredentials,
  code: string,
  text: CodeSessionMessages,
  fetchImpl: typeof fetch = fetch,
): Promise<CodeSession> {
  const url = new URL('/sns/jscode2session', credentials.apiBase);
  url.search = new URLSearchParams({
    appid: credentials.appid,
    secret: credentials.secret,
    js_code: code,
    grant_type: 'authorization_code',
  }).toString();
  let reply: Record<string, unknown>;
  try {
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(credentials.timeoutMs) });
    if (!response.ok)
      throw new UpstreamError(text.unreachable, [{ path: 'wechat', reason: `HTTP ${response.status}` }]);
    reply = (await response.json()) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof UpstreamError) throw error;
    const timedOut = (error as Error)?.name === 'TimeoutError' || (error as Error)?.name === 'AbortError';
    throw new UpstreamError(timedOut ? text.timeout : text.unreachable, [
      { path: 'wechat', reason: timedOut ? `no reply within ${credentials.timeoutMs} ms` : 'request failed' },
    ]);
  }
  const errcode = typeof reply.errcode === 'number' ? reply.errcode : 0;
  if (INVALID_CODE.has(errcode)) throw new AuthError(text.codeInvalid);
  if (errcode === BLOCKED) throw new AuthError(text.userBlocked, true);
  if (errcode !== 0 || typeof reply.openid !== 'string' || reply.openid === '') {
    throw new UpstreamError(text.failed(errcode), [{ path: 'wechat', reason: `errcode ${errcode}` }]);
  }
  // Ids that would not fit the founder row (a 500 on MySQL): no usable login, as with a bad code.
  if ([reply.openid, reply.unionid].some((id) => typeof id === 'string' && id.length > WECHAT_ID_MAX_LENGTH)) {
    throw new AuthError(text.codeInvalid);
  }
  return typeof reply.unionid === 'string' && reply.unionid !== ''
    ? { openid: reply.openid, unionid: reply.unionid }
    : { openid: reply.openid };
}
