/**
 * The WeCom customer-service channel (微信客服) from configuration: on when
 * WECOM_CORP_ID, WECOM_KF_SECRET, WECOM_TOKEN and WECOM_AES_KEY are all set.
 */
import type Router from '@koa/router';
import { createDialogueService } from '../../bot/dialogue';
import type { Config } from '../../config/config';
import type { Logger } from '../../logging/logger';
import { AccessTokenCache, type SharedTokenStore } from '../../reminders/wechat-access-token';
import type { Services } from '../../services';
import { aesKeyFrom } from '../wechat/message-crypto';
import { wecomKfRouter } from './callback';
import { WecomKfApi } from './kf-api';
import { KfSync } from './sync';

export function wecomKfEnabled(config: Config): boolean {
  return Boolean(config.WECOM_CORP_ID && config.WECOM_KF_SECRET && config.WECOM_TOKEN && config.WECOM_AES_KEY);
}

export function wecomKfFrom(
  config: Config,
  services: Services,
  logger: Logger,
  tokenStore?: SharedTokenStore,
): Router | null {
  const { WECOM_CORP_ID: corpId, WECOM_KF_SECRET: secret, WECOM_TOKEN: token, WECOM_AES_KEY: aesKey } = config;
  if (!corpId || !secret || !token || !aesKey) return null;
  const api = new WecomKfApi({
    tokens: new AccessTokenCache(
      {
        apiBase: config.WECOM_API_BASE,
        appid: corpId,
        secret,
        timeoutMs: config.WECHAT_TIMEOUT_MS,
        endpoint: 'wecom_gettoken',
      },
      services.clock,
      tokenStore,
    ),
    apiBase: config.WECOM_API_BASE,
    timeoutMs: config.WECHAT_TIMEOUT_MS,
  });
  const sync = new KfSync({
    api,
    cursors: services.wecomKfCursors,
    dialogue: createDialogueService(services, logger),
    logger,
    now: () => services.clock.now(),
  });
  return wecomKfRouter({ settings: { token, corpId, aesKey: aesKeyFrom(aesKey) }, sync, logger });
}
