/**
 * A local stand-in for WeChat's /sns/jscode2session, on 127.0.0.1: codes
 * map to replies (an openid, an errcode, no answer at all, an HTTP error).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type LoginReply =
  | { openid: string; unionid?: string }
  | { errcode: number }
  /** Never answers (until the fake closes): only a timeout can end the call. */
  | { hang: true }
  | { httpStatus: number };

export interface FakeWechatLogin {
  baseUrl: string;
  replies: Record<string, LoginReply>;
  requests: URLSearchParams[];
  close(): Promise<void>;
}

export async function startFakeWechatLogin(): Promise<FakeWechatLogin> {
  const replies: Record<string, LoginReply> = {};
  const requests: URLSearchParams[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const json = (status: number, body: unknown) => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname !== '/sns/jscode2session') return json(404, { errcode: 404 });
    requests.push(url.searchParams);
    if (url.searchParams.get('secret') !== 'test-app-secret')
      return json(200, { errcode: 40125, errmsg: 'invalid appsecret' });
    const reply = replies[url.searchParams.get('js_code') ?? ''];
    if (!reply) return json(200, { errcode: 40029, errmsg: 'invalid code' });
    if ('hang' in reply) return;
    if ('httpStatus' in reply) return json(reply.httpStatus, { message: 'upstream trouble' });
    if ('errcode' in reply) return json(200, { errcode: reply.errcode, errmsg: `error ${reply.errcode}` });
    return json(200, { ...reply, session_key: `secret-session-key-for-${reply.openid}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    replies,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
