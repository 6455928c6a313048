/** Admin routes: Bearer ADMIN_TOKEN (constant-time compare), 503 when none is configured. */
import { ADMIN_TOKEN, ApiWorld, openApiWorld } from './support/api-world';

let world: ApiWorld;
beforeAll(async () => {
  world = await openApiWorld();
});
afterAll(() => world.close());

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const ROUTES = [
  ['post', '/api/v1/admin/content/reload'],
  ['get', '/api/v1/admin/content/releases'],
  ['get', '/api/v1/admin/audit-log'],
] as const;

describe('admin', () => {
  it.each(ROUTES)(
    '%s %s needs the admin token: 401 without, 403 with a wrong one or a founder token',
    async (method, path) => {
      const { auth } = await world.founder('not-an-admin');
      const send = (headers: Record<string, string>) => {
        const request = world.http()[method](path).set(headers);
        return method === 'post' ? request.send({ dry_run: true }) : request;
      };
      expect((await send({})).status).toBe(401);
      expect((await send({ Authorization: 'Bearer wrong-token-of-some-length' })).status).toBe(403);
      expect((await send(auth)).status).toBe(403);
      expect((await send({ Authorization: `Bearer ${ADMIN_TOKEN}x` })).status).toBe(403);
    },
  );

  it('reloads content as a dry run: the diff, nothing written', async () => {
    const before = (await world.http().get('/api/v1/admin/content/releases').set(admin)).body;
    const res = await world.http().post('/api/v1/admin/content/reload').set(admin).send({ dry_run: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'dry_run', hash: expect.any(String), release_id: null });
    expect(res.body.diff.summary.policies).toEqual({ added: 0, changed: 0, removed: 0 });
    const after = (await world.http().get('/api/v1/admin/content/releases').set(admin)).body;
    expect(after).toEqual(before);
  });

  it('reloads the same content without a new release', async () => {
    const res = await world.http().post('/api/v1/admin/content/reload').set(admin).send({});
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('unchanged');
  });

  it('lists releases and the audit log, newest first, paged', async () => {
    const releases = await world.http().get('/api/v1/admin/content/releases?limit=5').set(admin);
    expect(releases.status).toBe(200);
    expect(releases.body.current).toBe(releases.body.releases[0].id);
    expect(releases.body.releases[0]).toMatchObject({ hash: expect.any(String), loaded_by: 'test' });
    const audit = await world.http().get('/api/v1/admin/audit-log?limit=1').set(admin);
    expect(audit.status).toBe(200);
    expect(audit.body.entries[0]).toMatchObject({ action: 'content.loaded', actor: 'test' });
    const older = await world.http().get(`/api/v1/admin/audit-log?before_id=${audit.body.entries[0].id}`).set(admin);
    expect(older.body.entries.every((e: { id: number }) => e.id < audit.body.entries[0].id)).toBe(true);
    expect((await world.http().get('/api/v1/admin/audit-log?limit=0').set(admin)).status).toBe(400);
    expect((await world.http().post('/api/v1/admin/content/reload').set(admin).send({ dry_run: 'yes' })).status).toBe(
      400,
    );
  });

  it('answers 503 on every admin route when no ADMIN_TOKEN is configured', async () => {
    const bare = await openApiWorld({ ADMIN_TOKEN: '' });
    try {
      for (const [method, path] of ROUTES) {
        const request = bare.http()[method](path).set(admin);
        const res = await (method === 'post' ? request.send({}) : request);
        expect({ path, status: res.status, code: res.body.error.code }).toEqual({
          path,
          status: 503,
          code: 'unavailable',
        });
      }
    } finally {
      await bare.close();
    }
  });
});
