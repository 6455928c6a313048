/**
 * The Official Account channel from configuration: on when WECHAT_OA_TOKEN
 * and WECHAT_OA_APPID are set (safe mode with WECHAT_OA_AES_KEY; replies by
 * customer-service message need WECHAT_OA_SECRET).
 */
import type Router from '@koa/router';
import { createDialogueService } from '../../bot/dialogue';
import type { Config } from '../../config/config';
import type { Logger } from '../../logging/logger';
import { AccessTokenCache, type SharedTokenStore } from '../../reminders/wechat-access-token';
import type { Services } from '../../services';
import { aesKeyFrom } from '../wechat/message-crypto';
import { officialAccountRouter } from './callback';
import { CustomerServiceSender } from './customer-service';

export function officialAccountEnabled(config: Config): boolean {
  return Boolean(config.WECHAT_OA_TOKEN && config.WECHAT_OA_APPID);
}

export function officialAccountFrom(
  config: Config,
  services: Services,
  logger: Logger,
  tokenStore?: SharedTokenStore,
): Router | null {
  if (!config.WECHAT_OA_TOKEN || !config.WECHAT_OA_APPID) return null;
  const sender = config.WECHAT_OA_SECRET
    ? new CustomerServiceSender({
        tokens: new AccessTokenCache(
          {
            apiBase: config.WECHAT_API_BASE,
            appid: config.WECHAT_OA_APPID,
            secret: config.WECHAT_OA_SECRET,
            timeoutMs: config.WECHAT_TIMEOUT_MS,
            endpoint: 'stable_token',
          },
          services.clock,
          tokenStore,
        ),
        apiBase: config.WECHAT_API_BASE,
        timeoutMs: config.WECHAT_TIMEOUT_MS,
      })
    : null;
  return officialAccountRouter({
    settings: {
      token: config.WECHAT_OA_TOKEN,
      appid: config.WECHAT_OA_APPID,
      aesKey: config.WECHAT_OA_AES_KEY ? aesKeyFrom(config.WECHAT_OA_AES_KEY) : null,
      replyBudgetMs: config.WECHAT_OA_REPLY_BUDGET_MS,
    },
    dialogue: createDialogueService(services, logger),
    sender,
    logger,
    now: () => services.clock.now(),
  });
}
