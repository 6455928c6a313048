import { WechatCryptoError, WechatXmlError } from '../../../channels/wechat/errors';
import { aesKeyFrom, encrypt } from '../../../channels/wechat/message-crypto';
import { openEcho, openEnvelope, sealReply } from '../../../channels/wechat/safe-mode';
import { messageSignature } from '../../../channels/wechat/signature';
import { buildXml, parseXml } from '../../../channels/wechat/xml';
import { MP_JAVA, WECOM_PY, WECOM_QDG } from './vectors';

const wecom = { token: WECOM_PY.token, key: aesKeyFrom(WECOM_PY.encodingAesKey), receiveId: WECOM_PY.corpId };
const query = {
  msg_signature: WECOM_PY.message.msgSignature,
  timestamp: WECOM_PY.message.timestamp,
  nonce: WECOM_PY.message.nonce,
};

function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof WechatCryptoError || error instanceof WechatXmlError) return error.reason;
    throw error;
  }
  return 'no error';
}

describe('openEnvelope, on published vectors', () => {
  it("opens WeCom's sample message (weworkapi_python callback/Sample.py)", () => {
    expect(openEnvelope({ ...wecom, body: WECOM_PY.message.body, query })).toEqual({
      ToUserName: 'ww1436e0e65a779aee',
      FromUserName: 'ChenJiaShun',
      CreateTime: '1476422779',
      MsgType: 'text',
      Content: '你好',
      MsgId: '1456453720',
      AgentID: '1000002',
    });
  });

  it("opens the older sample's message, sent as a Buffer", () => {
    const v = WECOM_QDG;
    const body = Buffer.from(
      `<xml><ToUserName><![CDATA[${v.corpId}]]></ToUserName><Encrypt><![CDATA[${v.encrypted}]]></Encrypt>` +
        '<AgentID><![CDATA[218]]></AgentID></xml>',
    );
    const fields = openEnvelope({
      token: v.token,
      key: aesKeyFrom(v.encodingAesKey),
      receiveId: v.corpId,
      body,
      query: { msg_signature: v.msgSignature, timestamp: v.timestamp, nonce: v.nonce },
    });
    expect(fields).toMatchObject({ FromUserName: 'mycreate', MsgType: 'text', Content: 'hello', AgentID: '218' });
  });
});

describe('openEcho, on published vectors', () => {
  it("answers WeCom's sample URL check", () => {
    const { verify } = WECOM_PY;
    const echo = openEcho({
      ...wecom,
      query: {
        msg_signature: verify.msgSignature,
        timestamp: verify.timestamp,
        nonce: verify.nonce,
        echostr: verify.echostr,
      },
    });
    expect(echo).toBe('1288432023552776189');
  });

  it("answers the Java sample's URL check", () => {
    const v = WECOM_QDG;
    const echo = openEcho({
      token: v.token,
      key: aesKeyFrom(v.encodingAesKey),
      receiveId: v.corpId,
      query: {
        msg_signature: v.verify.msgSignature,
        timestamp: v.verify.timestamp,
        nonce: v.verify.nonce,
        echostr: v.verify.echostr,
      },
    });
    expect(echo).toBe('1616140317555161061');
  });

  it('refuses an echostr with a signature for another one', () => {
    const { verify } = WECOM_PY;
    const other = encrypt('1288432023552776189', wecom.receiveId, wecom.key);
    const run = () =>
      openEcho({
        ...wecom,
        query: { msg_signature: verify.msgSignature, timestamp: verify.timestamp, nonce: verify.nonce, echostr: other },
      });
    expect(reasonOf(run)).toBe('bad_signature');
  });
});

describe('openEnvelope refusals', () => {
  const body = WECOM_PY.message.body;

  it.each([
    ['a wrong signature', { ...query, msg_signature: '0'.repeat(40) }],
    ['an empty signature', { ...query, msg_signature: '' }],
    ['the signature of another timestamp (replayed with a new one)', { ...query, timestamp: '1476422780' }],
    ['another nonce', { ...query, nonce: '1' }],
  ])('%s', (_label, badQuery) => {
    expect(reasonOf(() => openEnvelope({ ...wecom, body, query: badQuery }))).toBe('bad_signature');
  });

  it('a tampered ciphertext that would decrypt without complaint is stopped by the signature', () => {
    // Flips the first bit of the message (see message-crypto.test.ts): decrypt alone would accept it.
    const encrypted = parseXml(body).Encrypt!;
    const data = Buffer.from(encrypted, 'base64');
    data[4] = data[4]! ^ 0x01;
    const tampered = body.replace(encrypted, data.toString('base64'));
    expect(reasonOf(() => openEnvelope({ ...wecom, body: tampered, query }))).toBe('bad_signature');
  });

  it('the wrong token', () => {
    expect(reasonOf(() => openEnvelope({ ...wecom, token: 'not-the-token', body, query }))).toBe('bad_signature');
  });

  it('another account with the same token and key (receiveId checked after decrypting)', () => {
    expect(reasonOf(() => openEnvelope({ ...wecom, receiveId: 'ww0000000000000000', body, query }))).toBe(
      'wrong_receiver',
    );
  });

  it('an envelope without <Encrypt>', () => {
    const plain = '<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName><Content>hi</Content></xml>';
    expect(reasonOf(() => openEnvelope({ ...wecom, body: plain, query }))).toBe('no_encrypt');
  });

  it('an envelope that is not the flat XML', () => {
    const xxe = '<!DOCTYPE xml [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + body;
    expect(reasonOf(() => openEnvelope({ ...wecom, body: xxe, query }))).toBe('declaration');
  });

  it('a correctly signed ciphertext that is not base64 still fails as bad_base64', () => {
    const junk = 'not base64!';
    const signed = {
      ...query,
      msg_signature: messageSignature(wecom.token, query.timestamp, query.nonce, junk),
    };
    const envelope = buildXml({ ToUserName: wecom.receiveId, Encrypt: junk });
    expect(reasonOf(() => openEnvelope({ ...wecom, body: envelope, query: signed }))).toBe('bad_base64');
  });

  it('a correctly signed and encrypted message whose inner XML is broken', () => {
    const encrypted = encrypt('<xml><Content>unclosed</xml>', wecom.receiveId, wecom.key);
    const signed = { ...query, msg_signature: messageSignature(wecom.token, query.timestamp, query.nonce, encrypted) };
    const envelope = buildXml({ Encrypt: encrypted });
    expect(reasonOf(() => openEnvelope({ ...wecom, body: envelope, query: signed }))).toBe('malformed');
  });
});

describe('sealReply', () => {
  const reply = buildXml({
    ToUserName: 'ChenJiaShun',
    FromUserName: wecom.receiveId,
    CreateTime: 1476422779,
    MsgType: 'text',
    Content: '高企认定的条件如下 ]]> 请查看',
  });

  it('writes Encrypt, MsgSignature, TimeStamp and Nonce, signed over the ciphertext', () => {
    const sealed = parseXml(sealReply({ ...wecom, replyXml: reply, timestamp: '1476422779', nonce: '1597212914' }));
    expect(Object.keys(sealed)).toEqual(['Encrypt', 'MsgSignature', 'TimeStamp', 'Nonce']);
    expect(sealed.TimeStamp).toBe('1476422779');
    expect(sealed.Nonce).toBe('1597212914');
    expect(sealed.MsgSignature).toBe(messageSignature(wecom.token, '1476422779', '1597212914', sealed.Encrypt!));
  });

  it('is what the platform (played by openEnvelope) opens again', () => {
    const sealed = sealReply({ ...wecom, replyXml: reply, timestamp: '1700000000', nonce: 'abc123' });
    const fields = parseXml(sealed);
    const opened = openEnvelope({
      ...wecom,
      body: sealed,
      query: { msg_signature: fields.MsgSignature!, timestamp: fields.TimeStamp!, nonce: fields.Nonce! },
    });
    expect(opened).toEqual(parseXml(reply));
    expect(opened.Content).toBe('高企认定的条件如下 ]]> 请查看');
  });

  it('encrypts exactly as the Official Account Java sample, given its random prefix', () => {
    const account = { token: 'pamtest', key: aesKeyFrom(MP_JAVA.encodingAesKey), receiveId: MP_JAVA.appId };
    const sealed = sealReply({
      ...account,
      replyXml: MP_JAVA.message,
      timestamp: '1409304348',
      nonce: 'xxxxxx',
      random16: Buffer.from(MP_JAVA.random),
    });
    const signature = messageSignature('pamtest', '1409304348', 'xxxxxx', MP_JAVA.encrypted);
    expect(sealed).toBe(
      `<xml><Encrypt><![CDATA[${MP_JAVA.encrypted}]]></Encrypt><MsgSignature><![CDATA[${signature}]]></MsgSignature>` +
        '<TimeStamp>1409304348</TimeStamp><Nonce><![CDATA[xxxxxx]]></Nonce></xml>',
    );
  });

  it('keeps a timestamp that is not plain seconds exactly as signed', () => {
    const sealed = parseXml(sealReply({ ...wecom, replyXml: reply, timestamp: '0123', nonce: 'n' }));
    expect(sealed.TimeStamp).toBe('0123');
    expect(sealed.MsgSignature).toBe(messageSignature(wecom.token, '0123', 'n', sealed.Encrypt!));
  });
});
