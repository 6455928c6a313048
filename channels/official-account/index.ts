/**
 * The Official Account channel from configuration: on when WECHAT_OA_TOKEN
 * and WECHAT_OA_APPID are set (safe mode with WECHAT_OA_AES_KEY; replies by
 * customer-service message need WECHAT_OA_SECRET, and come built from
 * channels/platform-clients.ts).
 */
import type Router from '@koa/router';
import { createDialogueService } from '../../bot/dialogue';
import type { Config } from '../../config/config';
import type { Logger } from '../../logging/logger';
import type { Services } from '../../services';
import { aesKeyFrom } from '../wechat/message-crypto';
import { officialAccountRouter } from './callback';
import type { CustomerServiceSender } from './customer-service';

export function officialAccountEnabled(config: Config): boolean {
  return Boolean(config.WECHAT_OA_TOKEN && config.WECHAT_OA_APPID);
}

export function officialAccountFrom(
  config: Config,
  services: Services,
  logger: Logger,
  sender: CustomerServiceSender | null,
): Router | null {
  if (!config.WECHAT_OA_TOKEN || !config.WECHAT_OA_APPID) return null;
  return officialAccountRouter({
    settings: {
      token: config.WECHAT_OA_TOKEN,
      appid: config.WECHAT_OA_APPID,
      aesKey: config.WECHAT_OA_AES_KEY ? aesKeyFrom(config.WECHAT_OA_AES_KEY) : null,
      replyBudgetMs: config.WECHAT_OA_REPLY_BUDGET_MS,
    },
    dialogue: createDialogueService(services, logger),
    sender,
    windows: services.serviceWindows,
    messages: services.inboundMessages,
    logger,
    now: () => services.clock.now(),
  });
}
