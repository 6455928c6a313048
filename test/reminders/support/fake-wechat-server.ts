/**
 * A local stand-in for api.weixin.qq.com: /cgi-bin/token hands out numbered
 * tokens, /cgi-bin/message/subscribe/send records each message and answers
 * from a script (errcodes, HTTP errors, delays), then `{ errcode: 0 }`.
 *
 * A send can also be held (`hold`) until the test releases it, to stop a
 * sender mid-message (kill it, or ask it to stop). A held message whose
 * sender hung up meanwhile was never answered: it goes to `unanswered`, not
 * to `messages`, as WeChat would not have delivered it either.
 * /sns/jscode2session logs anyone in (openid `login-<code>`), after
 * `loginGate` when one is set: a login request the test can keep in flight.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentMessage {
  token: string;
  body: {
    touser: string;
    template_id: string;
    page: string;
    data: Record<string, { value: string }>;
    miniprogram_state: string;
    lang: string;
  };
}

export interface HeldSend {
  message: SentMessage;
  /** Answers `{ errcode: 0 }` if the sender still listens (recorded in `messages`), else records it in `unanswered`. */
  release(): void;
  /** Whether the sender has hung up (its process died). */
  hungUp(): boolean;
}

export type ScriptedReply = { errcode: number; errmsg?: string } | { httpStatus: number } | { delayMs: number };

export interface FakeWechat {
  baseUrl: string;
  tokenRequests: { appid: string | null; secret: string | null }[];
  messages: SentMessage[];
  /** Replies for the next sends, in order; afterwards every send succeeds. */
  script: ScriptedReply[];
  /** Standing replies for one recipient (openid), before the script. */
  repliesFor: Record<string, ScriptedReply>;
  expiresIn: number;
  /** Decides whether to hold a send (before it is recorded); `held` is called with it at once. */
  hold: ((message: SentMessage) => boolean) | null;
  held: (send: HeldSend) => void;
  /** Held sends whose sender had hung up when released. */
  unanswered: SentMessage[];
  /** Logins wait for this before they are answered, when set. */
  loginGate: Promise<void> | null;
  loginRequests: number;
  close(): Promise<void>;
}

export async function startFakeWechat(): Promise<FakeWechat> {
  const fake: Omit<FakeWechat, 'baseUrl' | 'close'> = {
    tokenRequests: [],
    messages: [],
    script: [],
    repliesFor: {},
    expiresIn: 7200,
    hold: null,
    held: () => undefined,
    unanswered: [],
    loginGate: null,
    loginRequests: 0,
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === '/cgi-bin/token') {
      fake.tokenRequests.push({ appid: url.searchParams.get('appid'), secret: url.searchParams.get('secret') });
      if (url.searchParams.get('secret') !== 'test-secret')
        return json(200, { errcode: 40125, errmsg: 'invalid appsecret' });
      return json(200, { access_token: `token-${fake.tokenRequests.length}`, expires_in: fake.expiresIn });
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        const message: SentMessage = { token: url.searchParams.get('access_token') ?? '', body: JSON.parse(raw) };
        if (fake.hold?.(message)) {
          let hungUp = false;
          res.once('close', () => (hungUp = !res.writableFinished));
          return fake.held({
            message,
            hungUp: () => hungUp || res.destroyed,
            release: () => {
              if (hungUp || res.destroyed) return void fake.unanswered.push(message);
              fake.messages.push(message);
              json(200, { errcode: 0, errmsg: 'ok' });
            },
          });
        }
        fake.messages.push(message);
        const reply = fake.repliesFor[message.body.touser] ?? fake.script.shift();
        if (!reply) return json(200, { errcode: 0, errmsg: 'ok' });
        if ('httpStatus' in reply) return json(reply.httpStatus, { message: 'upstream error' });
        if ('delayMs' in reply) return void setTimeout(() => json(200, { errcode: 0, errmsg: 'ok' }), reply.delayMs);
        return json(200, { errcode: reply.errcode, errmsg: reply.errmsg ?? `error ${reply.errcode}` });
      });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/sns/jscode2session') {
      fake.loginRequests += 1;
      const reply = { openid: `login-${url.searchParams.get('js_code')}`, session_key: 'fake-session-key' };
      return void (fake.loginGate ?? Promise.resolve()).then(() => json(200, reply));
    }
    json(404, { errcode: -1, errmsg: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
