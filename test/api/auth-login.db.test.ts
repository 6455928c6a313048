/** POST /api/v1/auth/login against a fake WeChat jscode2session on 127.0.0.1. */
import { Founder, FounderIdentity } from '../../entities';
import { ApiWorld, openApiWorld } from './support/api-world';
import { FakeWechatLogin, startFakeWechatLogin } from './support/fake-wechat-login';

let wechat: FakeWechatLogin;
let world: ApiWorld;
beforeAll(async () => {
  wechat = await startFakeWechatLogin();
  world = await openApiWorld({
    WECHAT_API_BASE: wechat.baseUrl,
    WECHAT_APPID: 'wx-test-app',
    WECHAT_SECRET: 'test-app-secret',
    // Generous: a loaded machine must not turn a good login into a timeout.
    WECHAT_TIMEOUT_MS: '30000',
  });
});
afterAll(async () => {
  await world.close();
  await wechat.close();
});

const login = (code: unknown) => world.http().post('/api/v1/auth/login').send({ code });

describe('POST /api/v1/auth/login', () => {
  it('exchanges a good code for a session token that opens /me', async () => {
    wechat.replies['good-code'] = { openid: 'o-alice', unionid: 'u-alice' };
    const res = await login('good-code');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      token: expect.any(String),
      token_type: 'Bearer',
      expires_at: expect.any(String),
      founder_id: expect.any(String),
    });
    const sent = wechat.requests[wechat.requests.length - 1]!;
    expect(Object.fromEntries(sent)).toMatchObject({
      appid: 'wx-test-app',
      js_code: 'good-code',
      grant_type: 'authorization_code',
    });

    const me = await world.http().get('/api/v1/me/profile').set('Authorization', `Bearer ${res.body.token}`);
    expect(me.status).toBe(200);
    const founder = await world.db.dataSource.manager.findOneByOrFail(Founder, { id: res.body.founder_id });
    expect(founder).toMatchObject({ unionid: 'u-alice' });
    const identity = await world.db.dataSource.manager.findOneByOrFail(FounderIdentity, { founderId: founder.id });
    expect(identity).toMatchObject({ channel: 'miniprogram', externalId: 'o-alice' });
  });

  it('never sends the openid or the session_key to the client', async () => {
    wechat.replies['secret-code'] = { openid: 'o-hidden' };
    const res = await login('secret-code');
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('o-hidden');
    expect(res.text).not.toContain('session');
    expect(res.text).not.toContain('secret-session-key');
  });

  it('finds the same founder again for the same openid', async () => {
    wechat.replies['again-1'] = { openid: 'o-repeat' };
    wechat.replies['again-2'] = { openid: 'o-repeat' };
    const first = await login('again-1');
    const second = await login('again-2');
    expect(second.body.founder_id).toBe(first.body.founder_id);
  });

  it('answers 401 when WeChat says the code is invalid (errcode 40029)', async () => {
    wechat.replies['bad-code'] = { errcode: 40029 };
    const res = await login('bad-code');
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('重新登录') });
  });

  it('answers 401, never a 500, when WeChat sends an openid or unionid too long to keep', async () => {
    wechat.replies['long-openid'] = { openid: 'o'.repeat(200) };
    wechat.replies['long-unionid'] = { openid: 'o-long-unionid', unionid: 'u'.repeat(65) };
    for (const code of ['long-openid', 'long-unionid']) {
      const res = await login(code);
      expect({ code, status: res.status }).toEqual({ code, status: 401 });
      expect(res.body.error).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('重新登录') });
    }
  });

  it('answers 401 when the code was already used (errcode 40163)', async () => {
    wechat.replies['used-code'] = { errcode: 40163 };
    expect((await login('used-code')).status).toBe(401);
  });

  it('answers 502 when WeChat does not answer within WECHAT_TIMEOUT_MS', async () => {
    // WeChat never answers here, so only the timeout can end the call, however loaded the machine.
    const impatient = await openApiWorld({
      WECHAT_API_BASE: wechat.baseUrl,
      WECHAT_APPID: 'wx-test-app',
      WECHAT_SECRET: 'test-app-secret',
      WECHAT_TIMEOUT_MS: '300',
    });
    try {
      wechat.replies['silent-code'] = { hang: true };
      const res = await impatient.http().post('/api/v1/auth/login').send({ code: 'silent-code' });
      expect(res.status).toBe(502);
      expect(res.body.error).toMatchObject({ code: 'upstream_error', message: expect.stringContaining('超时') });
    } finally {
      await impatient.close();
    }
  });

  it('answers 502 when WeChat fails with a 5xx or a busy errcode', async () => {
    wechat.replies['http-500'] = { httpStatus: 500 };
    wechat.replies['busy'] = { errcode: -1 };
    expect((await login('http-500')).status).toBe(502);
    expect((await login('busy')).status).toBe(502);
  });

  it('answers 400 for a missing or empty code, without asking WeChat', async () => {
    const before = wechat.requests.length;
    expect((await login('')).status).toBe(400);
    expect((await world.http().post('/api/v1/auth/login').send({})).status).toBe(400);
    expect((await world.http().post('/api/v1/auth/login').send({ code: 'x', openid: 'forged' })).status).toBe(400);
    expect(wechat.requests.length).toBe(before);
  });
});

describe('session tokens', () => {
  it('refuses a missing, malformed or tampered token with 401', async () => {
    const { token } = await world.founder('tamper');
    const [prefix, payload, signature] = token.split('.') as [string, string, string];
    const forged = `${prefix}.${Buffer.from(JSON.stringify({ sub: 'someone-else', exp: 4102444800 })).toString('base64url')}.${signature}`;
    for (const header of [
      undefined,
      'Bearer',
      'Bearer nonsense',
      `Basic ${token}`,
      `Bearer ${prefix}.${payload}.${signature}x`,
      `Bearer ${forged}`,
    ]) {
      const request = world.http().get('/api/v1/me/profile');
      const res = await (header ? request.set('Authorization', header) : request);
      expect({ header, status: res.status }).toEqual({ header, status: 401 });
      expect(res.body.error.code).toBe('unauthorized');
    }
  });

  it('refuses an expired token with 401', async () => {
    const { auth } = await world.founder('expiring');
    world.clock.advance(31 * 24 * 60 * 60 * 1000);
    try {
      const res = await world.http().get('/api/v1/me/profile').set(auth);
      expect(res.status).toBe(401);
      expect(res.body.error.message).toContain('过期');
    } finally {
      world.clock.advance(-31 * 24 * 60 * 60 * 1000);
    }
  });
});

describe('login without WeChat configured', () => {
  it('answers 503', async () => {
    const bare = await openApiWorld();
    try {
      const res = await bare.http().post('/api/v1/auth/login').send({ code: 'anything' });
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('unavailable');
    } finally {
      await bare.close();
    }
  });
});
