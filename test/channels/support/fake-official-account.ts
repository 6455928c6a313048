/**
 * A local stand-in for the Official Account platform: it signs (and in safe
 * mode encrypts) callbacks the way WeChat does, and plays api.weixin.qq.com
 * for /cgi-bin/stable_token and /cgi-bin/message/custom/send, recording them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { aesKeyFrom, encrypt } from '../../../channels/wechat/message-crypto';
import { messageSignature, urlSignature } from '../../../channels/wechat/signature';
import { buildXml } from '../../../channels/wechat/xml';

export const OA_TOKEN = 'oatoken123';
export const OA_APPID = 'wx-oa-app';
export const OA_SECRET = 'oa-secret';
export const OA_AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

export interface FakePlatform {
  baseUrl: string;
  tokenRequests: number;
  sent: { token: string; touser: string; content: string }[];
  /** errcodes for the next sends, in order. */
  script: number[];
  close(): Promise<void>;
}

export async function startFakePlatform(): Promise<FakePlatform> {
  const fake = { tokenRequests: 0, sent: [], script: [] } as Omit<FakePlatform, 'baseUrl' | 'close'>;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      res.writeHead(200, { 'content-type': 'application/json' });
      if (url.pathname === '/cgi-bin/stable_token') {
        fake.tokenRequests += 1;
        res.end(JSON.stringify({ access_token: `token-${fake.tokenRequests}`, expires_in: 7200 }));
        return;
      }
      if (url.pathname === '/cgi-bin/message/custom/send') {
        const errcode = fake.script.shift() ?? 0;
        const message = JSON.parse(body) as { touser: string; text: { content: string } };
        if (errcode === 0) {
          fake.sent.push({
            token: url.searchParams.get('access_token') ?? '',
            touser: message.touser,
            content: message.text.content,
          });
        }
        res.end(JSON.stringify({ errcode, errmsg: errcode === 0 ? 'ok' : 'error' }));
        return;
      }
      res.end(JSON.stringify({ errcode: 404, errmsg: 'unknown path' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** A text message from a founder, as WeChat posts it. */
export function textMessage(openid: string, content: string, msgId: string): string {
  return buildXml({
    ToUserName: 'gh_account',
    FromUserName: openid,
    CreateTime: 1796400000,
    MsgType: 'text',
    Content: content,
    MsgId: msgId,
  });
}

export function eventMessage(openid: string, event: string, createTime = 1796400000): string {
  return buildXml({
    ToUserName: 'gh_account',
    FromUserName: openid,
    CreateTime: createTime,
    MsgType: 'event',
    Event: event,
  });
}

/** The query WeChat adds to a plaintext callback. */
export function signedQuery(timestamp = '1796400000', nonce = 'nonce-1', token = OA_TOKEN): string {
  return new URLSearchParams({ signature: urlSignature(token, timestamp, nonce), timestamp, nonce }).toString();
}

/** A safe-mode callback: the envelope and its query. */
export function safeModeCallback(innerXml: string): { body: string; query: string } {
  const timestamp = '1796400000';
  const nonce = 'nonce-safe';
  const encrypted = encrypt(innerXml, OA_APPID, aesKeyFrom(OA_AES_KEY));
  const query = new URLSearchParams({
    signature: urlSignature(OA_TOKEN, timestamp, nonce),
    timestamp,
    nonce,
    encrypt_type: 'aes',
    msg_signature: messageSignature(OA_TOKEN, timestamp, nonce, encrypted),
  }).toString();
  return { body: buildXml({ ToUserName: 'gh_account', Encrypt: encrypted }), query };
}
