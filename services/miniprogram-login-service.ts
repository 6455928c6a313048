/**
 * Mini-program login: code → openid (WeChat jscode2session) → Founder →
 * signed session token. The openid stays in the database; the caller only
 * ever sees the internal founder id and the token.
 */
import { UnavailableError } from '../errors';
import type { FounderService } from './founder-service';
import type { IssuedToken, SessionTokens } from './session-tokens';
import { CodeSessionMessages, exchangeLoginCode, WechatAppCredentials } from './wechat-code-session';

export interface LoginSettings {
  apiBase: string;
  appid?: string;
  secret?: string;
  timeoutMs: number;
}

export interface LoginMessages extends CodeSessionMessages {
  notConfigured: string;
}

export interface Login extends IssuedToken {
  founderId: string;
}

export class MiniProgramLoginService {
  constructor(
    private readonly settings: LoginSettings,
    private readonly founders: FounderService,
    private readonly sessions: SessionTokens,
    private readonly text: LoginMessages,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async login(code: string): Promise<Login> {
    const { appid, secret } = this.settings;
    if (!appid || !secret) throw new UnavailableError(this.text.notConfigured);
    const credentials: WechatAppCredentials = {
      apiBase: this.settings.apiBase,
      appid,
      secret,
      timeoutMs: this.settings.timeoutMs,
    };
    const session = await exchangeLoginCode(credentials, code, this.text, this.fetchImpl);
    const founder = await this.founders.findOrCreate({ channel: 'miniprogram', ...session });
    return { founderId: founder.id, ...this.sessions.issue(founder.id) };
  }
}
