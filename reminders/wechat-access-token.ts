/**
 * An access_token (the mini-program's GET /cgi-bin/token, the Official
 * Account's stable_token, WeCom's gettoken), cached until the platform says it
 * expires (minus a margin), fetched once however many sends ask at the same
 * time, and dropped when the platform reports it expired (the caller's
 * errcodes: 40001/42001 on WeChat, 40014/42001 on WeCom).
 */
import type { Clock } from '../services/clock';

export interface WechatCredentials {
  apiBase: string;
  /** The AppId; for `wecom_gettoken`, the CorpId. */
  appid: string;
  /** The AppSecret; for `wecom_gettoken`, the secret of the app (微信客服's own Secret). */
  secret: string;
  timeoutMs: number;
  /**
   * `stable_token` (POST /cgi-bin/stable_token): a token that does not
   * invalidate the one other servers of the same app hold, as the Official
   * Account's needs; `token` (the default) is the mini-program's;
   * `wecom_gettoken` (GET /cgi-bin/gettoken?corpid&corpsecret on
   * qyapi.weixin.qq.com) is WeCom's.
   */
  endpoint?: 'token' | 'stable_token' | 'wecom_gettoken';
}

/** WeChat answered with an error code (or not at all). */
export class WechatApiError extends Error {
  constructor(
    readonly errcode: number | null,
    message: string,
  ) {
    super(errcode === null ? message : `errcode ${errcode}: ${message}`);
    this.name = 'WechatApiError';
  }
}

/** Refresh this long before WeChat's own expiry, so a send never races it. */
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

export class AccessTokenCache {
  private cached: { token: string; expiresAt: number } | null = null;
  private inFlight: Promise<string> | null = null;

  constructor(
    private readonly credentials: WechatCredentials,
    private readonly clock: Clock,
  ) {}

  async token(): Promise<string> {
    if (this.cached && this.cached.expiresAt > this.clock.now().getTime()) return this.cached.token;
    this.inFlight ??= this.fetchToken().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  /** Forget a token WeChat rejected, so the next `token()` fetches a new one. */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = null;
  }

  private async fetchToken(): Promise<string> {
    const body = await this.requestToken();
    if (typeof body.access_token !== 'string' || !body.access_token) {
      throw new WechatApiError(numberOrNull(body.errcode), String(body.errmsg ?? 'no access_token in reply'));
    }
    const lifetimeMs = Math.max(0, Number(body.expires_in ?? 7200) * 1000 - EXPIRY_MARGIN_MS);
    this.cached = { token: body.access_token, expiresAt: this.clock.now().getTime() + lifetimeMs };
    return body.access_token;
  }

  private requestToken(): Promise<Record<string, unknown>> {
    const { apiBase, appid, secret, timeoutMs } = this.credentials;
    switch (this.credentials.endpoint ?? 'token') {
      case 'stable_token':
        return requestJson(
          new URL('/cgi-bin/stable_token', apiBase),
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ grant_type: 'client_credential', appid, secret, force_refresh: false }),
          },
          timeoutMs,
        );
      case 'wecom_gettoken':
        return requestJson(
          urlWith(apiBase, '/cgi-bin/gettoken', { corpid: appid, corpsecret: secret }),
          { method: 'GET' },
          timeoutMs,
        );
      case 'token':
        return requestJson(
          urlWith(apiBase, '/cgi-bin/token', { grant_type: 'client_credential', appid, secret }),
          { method: 'GET' },
          timeoutMs,
        );
    }
  }
}

/** One JSON request to WeChat with a timeout; non-2xx and non-JSON replies throw. */
export async function requestJson(url: URL, init: RequestInit, timeoutMs: number): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new WechatApiError(null, `${url.pathname} unreachable: ${(error as Error).message}`);
  }
  if (!response.ok) throw new WechatApiError(null, `${url.pathname} answered HTTP ${response.status}`);
  try {
    return (await response.json()) as Record<string, unknown>;
  } catch {
    throw new WechatApiError(null, `${url.pathname} answered something that is not JSON`);
  }
}

export function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : value === undefined || value === null ? null : Number(value);
}

function urlWith(apiBase: string, pathname: string, query: Record<string, string>): URL {
  const url = new URL(pathname, apiBase);
  url.search = new URLSearchParams(query).toString();
  return url;
}
