/**
 * The WeCom customer-service channel (微信客服) from configuration: on when
 * WECOM_CORP_ID, WECOM_KF_SECRET, WECOM_TOKEN and WECOM_AES_KEY are all set.
 */
import type Router from '@koa/router';
import { createDialogueService } from '../../bot/dialogue';
import type { Config } from '../../config/config';
import type { Logger } from '../../logging/logger';
import type { Services } from '../../services';
import { aesKeyFrom } from '../wechat/message-crypto';
import { wecomKfRouter } from './callback';
import type { WecomKfApi } from './kf-api';
import { KfSync } from './sync';

export function wecomKfEnabled(config: Config): boolean {
  return Boolean(config.WECOM_CORP_ID && config.WECOM_KF_SECRET && config.WECOM_TOKEN && config.WECOM_AES_KEY);
}

export function wecomKfFrom(config: Config, services: Services, logger: Logger, api: WecomKfApi | null): Router | null {
  const { WECOM_CORP_ID: corpId, WECOM_TOKEN: token, WECOM_AES_KEY: aesKey } = config;
  if (!api || !corpId || !token || !aesKey) return null;
  const sync = new KfSync({
    api,
    cursors: services.wecomKfCursors,
    dialogue: createDialogueService(services, logger),
    windows: services.serviceWindows,
    messages: services.inboundMessages,
    logger,
    now: () => services.clock.now(),
  });
  return wecomKfRouter({ settings: { token, corpId, aesKey: aesKeyFrom(aesKey) }, sync, logger });
}
