/**
 * An access_token (the mini-program's GET /cgi-bin/token, the Official
 * Account's stable_token, WeCom's gettoken), cached until the platform says it
 * expires (minus a margin), fetched once however many sends ask at the same
 * time, and dropped when the platform reports it expired (the caller's
 * errcodes: 40001/42001 on WeChat, 40014/42001 on WeCom).
 *
 * With a shared store (Redis, when REDIS_URL is set: reminders/redis-access-tokens.ts)
 * the replicas use one token and fetch it one at a time: each new
 * mini-program token ends the previous one's life, so replicas fetching their
 * own would keep invalidating each other's. While the store does not answer,
 * each process caches its own, as without one.
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

/** A token and when to stop using it (epoch ms). */
export interface CachedToken {
  token: string;
  expiresAt: number;
}

/** Thrown by a shared store that cannot be reached: the cache then works on its own. */
export class SharedTokenStoreUnavailable extends Error {
  constructor(reason: string) {
    super(`shared access-token store unavailable: ${reason}`);
    this.name = 'SharedTokenStoreUnavailable';
  }
}

/** Where the replicas keep one token per app (reminders/redis-access-tokens.ts). */
export interface SharedTokenStore {
  /** The shared token under `key`, or one fetched with `fetch` by this replica while the others wait. */
  token(key: string, fetch: () => Promise<CachedToken>): Promise<CachedToken>;
  /** Forget `token` under `key` if it is still the one stored (another replica may have replaced it). */
  invalidate(key: string, token: string): Promise<void>;
}

export class AccessTokenCache {
  private cached: CachedToken | null = null;
  private inFlight: Promise<string> | null = null;
  /** A token WeChat rejected, to drop from the shared store before asking it again. */
  private rejected: string | null = null;

  constructor(
    private readonly credentials: WechatCredentials,
    private readonly clock: Clock,
    private readonly shared?: SharedTokenStore,
  ) {}

  async token(): Promise<string> {
    if (this.cached && this.cached.expiresAt > this.clock.now().getTime()) return this.cached.token;
    this.inFlight ??= this.refresh().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  /** Forget a token WeChat rejected, so the next `token()` fetches a new one. */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = null;
    if (this.shared) this.rejected = token;
  }

  private async refresh(): Promise<string> {
    if (this.shared) {
      const key = `${this.credentials.endpoint ?? 'token'}:${this.credentials.appid}`;
      try {
        const rejected = this.rejected;
        this.rejected = null;
        if (rejected) await this.shared.invalidate(key, rejected);
        this.cached = await this.shared.token(key, () => this.fetchToken());
        return this.cached.token;
      } catch (error) {
        if (!(error instanceof SharedTokenStoreUnavailable)) throw error;
      }
    }
    this.cached = await this.fetchToken();
    return this.cached.token;
  }

  private async fetchToken(): Promise<CachedToken> {
    const body = await this.requestToken();
    if (typeof body.access_token !== 'string' || !body.access_token) {
      throw new WechatApiError(numberOrNull(body.errcode), String(body.errmsg ?? 'no access_token in reply'));
    }
    const lifetimeMs = Math.max(0, Number(body.expires_in ?? 7200) * 1000 - EXPIRY_MARGIN_MS);
    return { token: body.access_token, expiresAt: this.clock.now().getTime() + lifetimeMs };
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
