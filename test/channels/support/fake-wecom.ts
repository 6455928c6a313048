/**
 * A local stand-in for WeCom customer service: it signs and encrypts
 * callbacks the way WeCom does (always safe mode, the CorpId as receiver),
 * and plays qyapi.weixin.qq.com for /cgi-bin/gettoken, /cgi-bin/kf/sync_msg
 * (the account's messages in pages, with cursors and has_more) and
 * /cgi-bin/kf/send_msg (recorded).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { aesKeyFrom, encrypt } from '../../../channels/wechat/message-crypto';
import { messageSignature } from '../../../channels/wechat/signature';
import { buildXml } from '../../../channels/wechat/xml';
import type { KfMessage } from '../../../channels/wecom-kf/kf-api';

export const WECOM_CORP_ID = 'ww-test-corp';
export const WECOM_KF_SECRET = 'kf-secret';
export const WECOM_TOKEN = 'wecomtoken123';
export const WECOM_AES_KEY = 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut';
export const OPEN_KFID = 'wk-test-account';

export interface SyncRequest {
  accessToken: string;
  cursor: string;
  token: string;
  limit: number;
  openKfId: string;
  /** How many messages the page held. */
  served: number;
}

export interface FakeWecom {
  baseUrl: string;
  tokenRequests: number;
  /** The account's messages, oldest first; a page starts at the cursor's index. */
  messages: KfMessage[];
  /** Messages per sync_msg page (WeCom's limit is the request's, up to 1000). */
  pageSize: number;
  syncRequests: SyncRequest[];
  sent: { token: string; touser: string; openKfId: string; content: string }[];
  /** errcodes for the next send_msg / sync_msg calls, in order. */
  sendScript: number[];
  syncScript: number[];
  /** Pull requests that found nothing new: every message before them is handled. */
  emptyPolls(): number;
  close(): Promise<void>;
}

export async function startFakeWecom(): Promise<FakeWecom> {
  const fake = {
    tokenRequests: 0,
    messages: [],
    pageSize: 1000,
    syncRequests: [],
    sent: [],
    sendScript: [],
    syncScript: [],
    emptyPolls: () => fake.syncRequests.filter((r) => r.served === 0).length,
  } as Omit<FakeWecom, 'baseUrl' | 'close'>;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const accessToken = url.searchParams.get('access_token') ?? '';
      const reply = (value: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (url.pathname === '/cgi-bin/gettoken') {
        if (
          url.searchParams.get('corpid') !== WECOM_CORP_ID ||
          url.searchParams.get('corpsecret') !== WECOM_KF_SECRET
        ) {
          return reply({ errcode: 40001, errmsg: 'invalid credential' });
        }
        fake.tokenRequests += 1;
        return reply({ errcode: 0, errmsg: 'ok', access_token: `kf-token-${fake.tokenRequests}`, expires_in: 7200 });
      }
      if (url.pathname === '/cgi-bin/kf/sync_msg') {
        const errcode = fake.syncScript.shift() ?? 0;
        if (errcode !== 0) return reply({ errcode, errmsg: 'error' });
        const request = JSON.parse(body) as { cursor?: string; token: string; limit: number; open_kfid: string };
        const start = request.cursor ? Number(request.cursor.replace(/^c/, '')) : 0;
        const page = fake.messages.slice(start, start + Math.min(fake.pageSize, request.limit));
        const end = start + page.length;
        fake.syncRequests.push({
          accessToken,
          cursor: request.cursor ?? '',
          token: request.token,
          limit: request.limit,
          openKfId: request.open_kfid,
          served: page.length,
        });
        return reply({
          errcode: 0,
          errmsg: 'ok',
          next_cursor: `c${end}`,
          has_more: end < fake.messages.length ? 1 : 0,
          msg_list: page,
        });
      }
      if (url.pathname === '/cgi-bin/kf/send_msg') {
        const errcode = fake.sendScript.shift() ?? 0;
        const message = JSON.parse(body) as { touser: string; open_kfid: string; text: { content: string } };
        if (errcode === 0) {
          fake.sent.push({
            token: accessToken,
            touser: message.touser,
            openKfId: message.open_kfid,
            content: message.text.content,
          });
        }
        return reply({ errcode, errmsg: errcode === 0 ? 'ok' : 'error' });
      }
      reply({ errcode: 404, errmsg: 'unknown path' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

let sequence = 0;

/** A customer's text as sync_msg lists it. */
export function customerText(externalUserId: string, content: string, msgid = `msg-${++sequence}`): KfMessage {
  return {
    msgid,
    open_kfid: OPEN_KFID,
    external_userid: externalUserId,
    origin: 3,
    msgtype: 'text',
    text: { content },
  } as KfMessage;
}

/** The env that turns the channel on against this fake. */
export function wecomEnv(fake: FakeWecom): Record<string, string> {
  return {
    WECOM_CORP_ID,
    WECOM_KF_SECRET,
    WECOM_TOKEN,
    WECOM_AES_KEY,
    WECOM_API_BASE: fake.baseUrl,
  };
}

function signed(encrypted: string, token = WECOM_TOKEN): Record<string, string> {
  const timestamp = '1796400000';
  const nonce = `nonce-${++sequence}`;
  return { msg_signature: messageSignature(token, timestamp, nonce, encrypted), timestamp, nonce };
}

/** The URL check: the query with an encrypted echostr. */
export function echoQuery(plain: string, token = WECOM_TOKEN): string {
  const echostr = encrypt(plain, WECOM_CORP_ID, aesKeyFrom(WECOM_AES_KEY));
  return new URLSearchParams({ ...signed(echostr, token), echostr }).toString();
}

/** A callback envelope around `innerXml`, and its query. */
export function envelope(innerXml: string, token = WECOM_TOKEN): { body: string; query: string } {
  const encrypted = encrypt(innerXml, WECOM_CORP_ID, aesKeyFrom(WECOM_AES_KEY));
  return {
    body: buildXml({ ToUserName: WECOM_CORP_ID, Encrypt: encrypted, AgentID: '' }),
    query: new URLSearchParams(signed(encrypted, token)).toString(),
  };
}

/** "There are messages for this account": the event WeCom posts, with the Token for sync_msg. */
export function kfEvent(syncToken: string, openKfId = OPEN_KFID): string {
  return buildXml({
    ToUserName: WECOM_CORP_ID,
    CreateTime: 1796400000,
    MsgType: 'event',
    Event: 'kf_msg_or_event',
    Token: syncToken,
    OpenKfId: openKfId,
  });
}
