/**
 * The clients of WeChat's and WeCom's server APIs this process talks to,
 * built once from configuration and shared by the chat adapters (replies) and
 * the reminders (deadline messages): one access_token cache per account, so
 * both sides of the process refresh one token, one refresh at a time.
 */
import type { Config } from '../config/config';
import { systemClock } from '../services/clock';
import { AccessTokenCache, type SharedTokenStore, type WechatCredentials } from '../reminders/wechat-access-token';
import { CustomerServiceSender } from './official-account/customer-service';
import { WecomKfApi } from './wecom-kf/kf-api';

export interface PlatformClients {
  /** The mini-program's token (subscribeMessage), when WECHAT_APPID and WECHAT_SECRET are set. */
  miniprogramTokens: AccessTokenCache | null;
  /** Customer-service messages of the Official Account, when WECHAT_OA_APPID and WECHAT_OA_SECRET are set. */
  officialAccount: CustomerServiceSender | null;
  /** WeCom customer service (sync_msg, send_msg), when WECOM_CORP_ID and WECOM_KF_SECRET are set. */
  wecomKf: WecomKfApi | null;
}

/** `tokenStore` (REDIS_URL): each token is fetched once for all replicas, not once per process. */
export function platformClients(config: Config, tokenStore?: SharedTokenStore): PlatformClients {
  const caches = new Map<string, AccessTokenCache>();
  // Token expiry is the platform's real time, whatever clock a reminder run plans with.
  const tokens = (credentials: WechatCredentials) => {
    const key = `${credentials.apiBase}|${credentials.appid}`;
    const cache = caches.get(key) ?? new AccessTokenCache(credentials, systemClock, tokenStore);
    caches.set(key, cache);
    return cache;
  };
  const timeoutMs = config.WECHAT_TIMEOUT_MS;
  /** What each platform client is built from: its API, and the token of one account on it. */
  const account = (apiBase: string, appid: string, secret: string, endpoint: WechatCredentials['endpoint']) => ({
    tokens: tokens({ apiBase, appid, secret, timeoutMs, endpoint }),
    apiBase,
    timeoutMs,
  });
  // The Official Account first: its stable_token also serves a mini-program of the same AppID.
  const officialAccount =
    config.WECHAT_OA_APPID && config.WECHAT_OA_SECRET
      ? new CustomerServiceSender(
          account(config.WECHAT_API_BASE, config.WECHAT_OA_APPID, config.WECHAT_OA_SECRET, 'stable_token'),
        )
      : null;
  const miniprogramTokens =
    config.WECHAT_APPID && config.WECHAT_SECRET
      ? tokens({ apiBase: config.WECHAT_API_BASE, appid: config.WECHAT_APPID, secret: config.WECHAT_SECRET, timeoutMs })
      : null;
  const wecomKf =
    config.WECOM_CORP_ID && config.WECOM_KF_SECRET
      ? new WecomKfApi(account(config.WECOM_API_BASE, config.WECOM_CORP_ID, config.WECOM_KF_SECRET, 'wecom_gettoken'))
      : null;
  return { miniprogramTokens, officialAccount, wecomKf };
}
