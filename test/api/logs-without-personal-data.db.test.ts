/** The API's logs carry internal ids only: never an openid, a session key, a token or an answer. */
import { Writable } from 'node:stream';
import { createLogger } from '../../logging/logger';
import { ApiWorld, openApiWorld } from './support/api-world';
import { FakeWechatLogin, startFakeWechatLogin } from './support/fake-wechat-login';

let lines = '';
let wechat: FakeWechatLogin;
let world: ApiWorld;
let failHealth = false;
beforeAll(async () => {
  wechat = await startFakeWechatLogin();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines += chunk.toString();
      done();
    },
  });
  world = await openApiWorld(
    { WECHAT_API_BASE: wechat.baseUrl, WECHAT_APPID: 'wx-log-app', WECHAT_SECRET: 'test-app-secret' },
    {
      logger: createLogger('info', sink),
      databaseHealth: async () => {
        // An unexpected failure whose message quotes personal data, as a driver error might.
        if (failHealth) throw new Error("Duplicate entry 'o-private-openid' for key 'openid'");
        return { up: true, schema: null };
      },
    },
  );
});
afterAll(async () => {
  await world.close();
  await wechat.close();
});

describe('API logs', () => {
  it('log each request without openid, session key, token or answers, and 500s without the error message', async () => {
    wechat.replies['log-code'] = { openid: 'o-private-openid', unionid: 'u-private-unionid' };
    const login = await world.http().post('/api/v1/auth/login').send({ code: 'log-code' });
    expect(login.status).toBe(200);
    const auth = { Authorization: `Bearer ${login.body.token}` };
    await world
      .http()
      .put('/api/v1/me/profile')
      .set(auth)
      .send({ answers: { employees: 4242, district: 'chongming' } });
    await world
      .http()
      .post('/api/v1/eligibility')
      .send({ answers: { annual_revenue_wan: 98765 } });
    await world.http().get('/api/v1/policies?q=secret-search-words');
    failHealth = true;
    expect((await world.http().get('/health')).status).toBe(500);

    expect(lines).toContain('"route":"/api/v1/me/profile"');
    expect(lines).toContain(login.body.founder_id);
    expect(lines).toContain('unhandled error');
    for (const secret of [
      'o-private-openid',
      'u-private-unionid',
      'secret-session-key',
      login.body.token,
      '4242',
      'chongming',
      '98765',
      'secret-search-words',
    ]) {
      expect({ secret, logged: lines.includes(secret) }).toEqual({ secret, logged: false });
    }
  });

  it('tags every line of a request with its request id, the caller’s when it is a plain token, echoed in the reply', async () => {
    lines = '';
    const given = await world.http().get('/api/v1/policies').set('X-Request-Id', 'trace-abc.123');
    expect(given.headers['x-request-id']).toBe('trace-abc.123');
    expect(lines).toContain('"req_id":"trace-abc.123"');
    // Anything else a caller sends is replaced, not logged.
    const odd = await world.http().get('/api/v1/policies').set('X-Request-Id', 'o-private-openid "quoted"');
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toContain(`"req_id":"${odd.headers['x-request-id']}"`);
    expect(lines).not.toContain('quoted');
    failHealth = true;
    const failed = await world.http().get('/health');
    const unhandled = lines.split('\n').find((line) => line.includes('unhandled error'));
    expect(unhandled).toContain(`"req_id":"${failed.headers['x-request-id']}"`);
    failHealth = false;
  });
});
