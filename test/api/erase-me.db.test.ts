/** DELETE /api/v1/me erases everything personal; GET /api/v1/me/applications reads the tracker. */
import fs from 'node:fs';
import { ApplicationRecord, ApplicationWindow, AuditLog, FactAnswer, Founder, Subscription } from '../../entities';
import { ApiWorld, openApiWorld } from './support/api-world';

let world: ApiWorld;
beforeAll(async () => {
  world = await openApiWorld();
});
afterAll(() => world.close());

describe('GET /api/v1/me/applications', () => {
  it('lists the windows I was asked about, with the policy title and deadline', async () => {
    const { id, auth } = await world.founder('tracker');
    const window = await world.db.dataSource.manager.findOneOrFail(ApplicationWindow, {
      where: { rolling: false },
      order: { id: 'ASC' },
    });
    await world.db.dataSource.manager.insert(ApplicationRecord, {
      founderId: id,
      policyId: window.policyId,
      windowKey: window.windowKey,
      status: 'asked',
      askedAt: new Date('2026-11-20T01:00:00Z'),
      answeredAt: null,
    });
    await world.services.applications.recordApplication(id, window.policyId, window.windowKey, true);
    const res = await world.http().get('/api/v1/me/applications').set(auth);
    expect(res.status).toBe(200);
    expect(res.body.applications).toEqual([
      {
        policy: window.policyId,
        title: world.services.catalogue.policy(window.policyId)!.title,
        window_key: window.windowKey,
        closes_on: window.closesOn,
        status: 'applied',
        asked_at: '2026-11-20T01:00:00.000Z',
        answered_at: expect.any(String),
      },
    ]);
  });
});

describe('DELETE /api/v1/me', () => {
  it('erases profile, assessments and subscriptions, ends the session, keeps no personal data', async () => {
    const { id, auth } = await world.founder('leaving');
    await world
      .http()
      .put('/api/v1/me/profile')
      .set(auth)
      .send({ answers: { employees: 3 } });
    await world
      .http()
      .post('/api/v1/me/subscriptions')
      .set(auth)
      .send({ scope: '*', template_ids: ['t'] });
    await world.http().post('/api/v1/me/assessments').set(auth).send({});

    const res = await world.http().delete('/api/v1/me').set(auth);
    expect(res.status).toBe(204);
    const manager = world.db.dataSource.manager;
    expect(await manager.countBy(Founder, { id })).toBe(0);
    expect(await manager.countBy(FactAnswer, { founderId: id })).toBe(0);
    expect(await manager.countBy(Subscription, { founderId: id })).toBe(0);
    const audit = await manager.find(AuditLog, { where: { action: 'founder.erased' } });
    expect(JSON.stringify(audit)).not.toContain(id);
    expect(JSON.stringify(audit)).not.toContain('openid-leaving');

    expect((await world.http().get('/api/v1/me/profile').set(auth)).status).toBe(401);
    expect((await world.http().delete('/api/v1/me').set(auth)).status).toBe(401);
  });

  // Only SQLite leaves a file to read; MariaDB's pages are its own business.
  (process.env.DATABASE_URL ? it.skip : it)(
    'leaves the erased openid nowhere in the SQLite files (secure_delete, and the WAL checkpointed)',
    async () => {
      const openid = 'openid-erased-for-good-7f3a';
      const founder = await world.services.founders.findOrCreate({ channel: 'miniprogram', openid });
      await world.services.profiles.save(founder.id, { employees: 5 }, 'api');
      const files = () =>
        [world.db.config.SQLITE_PATH, `${world.db.config.SQLITE_PATH}-wal`]
          .filter((file) => fs.existsSync(file))
          .map((file) => fs.readFileSync(file));
      expect(files().some((bytes) => bytes.includes(openid))).toBe(true);
      await world.services.founders.erase(founder.id);
      expect(files().map((bytes) => bytes.includes(openid))).not.toContain(true);
    },
  );
});
