/** GET/POST/DELETE /api/v1/me/subscriptions. */
import { Subscription } from '../../entities';
import { ApiWorld, openApiWorld } from './support/api-world';

let world: ApiWorld;
beforeAll(async () => {
  world = await openApiWorld();
});
afterAll(() => world.close());

describe('/api/v1/me/subscriptions', () => {
  it('subscribes to a policy with the accepted templates (201), then lists it', async () => {
    const { auth } = await world.founder('subs-policy');
    const res = await world
      .http()
      .post('/api/v1/me/subscriptions')
      .set(auth)
      .send({ scope: 'cn.high-tech-enterprise', template_ids: ['tmpl-1'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      scope: 'cn.high-tech-enterprise',
      channel: 'miniprogram',
      template_ids: ['tmpl-1'],
      status: 'active',
    });
    const listed = await world.http().get('/api/v1/me/subscriptions').set(auth);
    expect(listed.body.subscriptions).toEqual([res.body]);
  });

  it('subscribes to everything that fits me with *, on WeChat too', async () => {
    const { auth } = await world.founder('subs-star');
    expect(
      (
        await world
          .http()
          .post('/api/v1/me/subscriptions')
          .set(auth)
          .send({ scope: '*', template_ids: ['t'] })
      ).status,
    ).toBe(201);
    const wechat = await world
      .http()
      .post('/api/v1/me/subscriptions')
      .set(auth)
      .send({ scope: '*', channel: 'wechat' });
    expect(wechat.status).toBe(201);
    expect(wechat.body).toMatchObject({ scope: '*', channel: 'wechat', template_ids: [] });
  });

  it('subscribing again adds templates and re-activates a refused subscription (200)', async () => {
    const { id, auth } = await world.founder('subs-again');
    await world
      .http()
      .post('/api/v1/me/subscriptions')
      .set(auth)
      .send({ scope: 'cn.tech-sme', template_ids: ['a'] });
    await world.db.dataSource.manager.update(Subscription, { founderId: id }, { status: 'refused' });
    const again = await world
      .http()
      .post('/api/v1/me/subscriptions')
      .set(auth)
      .send({ scope: 'cn.tech-sme', template_ids: ['b'] });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ template_ids: ['a', 'b'], status: 'active' });
  });

  it('refuses an unknown policy, a mini-program subscription without templates, templates on WeChat, unknown fields', async () => {
    const { auth } = await world.founder('subs-bad');
    for (const body of [
      { scope: 'cn.nope', template_ids: ['t'] },
      { scope: 'cn.tech-sme' },
      { scope: 'cn.tech-sme', channel: 'wechat', template_ids: ['t'] },
      { scope: 'cn.tech-sme', channel: 'sms', template_ids: ['t'] },
      { scope: 'cn.tech-sme', template_ids: ['t'], founder_id: 'x' },
    ]) {
      const res = await world.http().post('/api/v1/me/subscriptions').set(auth).send(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    expect((await world.http().get('/api/v1/me/subscriptions').set(auth)).body.subscriptions).toEqual([]);
  });

  it('unsubscribes by scope and channel, or from everything', async () => {
    const { auth } = await world.founder('subs-delete');
    for (const scope of ['cn.tech-sme', 'cn.high-tech-enterprise', '*']) {
      await world
        .http()
        .post('/api/v1/me/subscriptions')
        .set(auth)
        .send({ scope, template_ids: ['t'] });
    }
    const one = await world.http().delete('/api/v1/me/subscriptions?scope=cn.tech-sme').set(auth);
    expect(one.body).toEqual({ removed: 1 });
    const none = await world.http().delete('/api/v1/me/subscriptions?channel=wechat').set(auth);
    expect(none.body).toEqual({ removed: 0 });
    expect((await world.http().delete('/api/v1/me/subscriptions').set(auth)).body).toEqual({ removed: 2 });
  });

  describe('one-time subscriptions: credits (issue 21)', () => {
    const subscribe = (auth: Record<string, string>, body: object) =>
      world.http().post('/api/v1/me/subscriptions').set(auth).send(body);

    it('counts each acceptance as one message, drops rejected templates, and says when to tap again', async () => {
      const { auth } = await world.founder('subs-credits');
      const first = await subscribe(auth, {
        scope: 'cn.little-giant',
        template_results: { 'tmpl-a': 'accept', 'tmpl-b': 'reject' },
      });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ template_ids: ['tmpl-a'], credits_left: 1 });
      // One credit covers T-7 of the window closing 2027-05-25; T-1 needs another tap.
      expect(first.body.tap_again_before).toBe('2027-05-24');
      const again = await subscribe(auth, { scope: 'cn.little-giant', template_results: { 'tmpl-a': 'accept' } });
      expect(again.body).toMatchObject({ credits_left: 2, tap_again_before: '2027-04-25' });
      const third = await subscribe(auth, { scope: 'cn.little-giant', template_ids: ['tmpl-a'] });
      expect(third.body).toMatchObject({ credits_left: 3, tap_again_before: null });
      // A template the founder now rejects is never used again.
      const rejected = await subscribe(auth, {
        scope: 'cn.little-giant',
        template_results: { 'tmpl-a': 'reject', 'tmpl-c': 'accept' },
      });
      expect(rejected.body).toMatchObject({ template_ids: ['tmpl-c'], credits_left: 1 });
      const listed = await world.http().get('/api/v1/me/subscriptions').set(auth);
      expect(listed.body.subscriptions).toEqual([rejected.body]);
    });

    it('shows no budget for WeChat, and refuses template results there or empty ones', async () => {
      const { auth } = await world.founder('subs-credits-wechat');
      const wechat = await subscribe(auth, { scope: '*', channel: 'wechat' });
      expect(wechat.body).toMatchObject({ credits_left: null, tap_again_before: null });
      const bad = await subscribe(auth, { scope: '*', channel: 'wechat', template_results: { t: 'accept' } });
      expect(bad.status).toBe(400);
      expect((await subscribe(auth, { scope: '*', template_results: {} })).status).toBe(400);
      expect((await subscribe(auth, { scope: '*', template_results: { t: 'maybe' } })).status).toBe(400);
    });
  });
});
