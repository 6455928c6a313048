/** Bad requests are JSON errors with the right status, never a 500; security headers are set. */
import { ApiWorld, openApiWorld } from './support/api-world';

let world: ApiWorld;
beforeAll(async () => {
  world = await openApiWorld({ API_BODY_LIMIT_KB: '1' });
});
afterAll(() => world.close());

const errorShape = { error: { code: expect.any(String), message: expect.any(String), details: expect.any(Array) } };

describe('request bodies and errors', () => {
  it('answers 413 for a body over the limit', async () => {
    const big = { answers: { district: 'x'.repeat(2048) } };
    const res = await world.http().post('/api/v1/eligibility').send(big);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('answers 415 for a body that is not JSON', async () => {
    const res = await world.http().post('/api/v1/eligibility').set('Content-Type', 'text/plain').send('answers=1');
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ error: { code: 'unsupported_media_type' } });
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await world
      .http()
      .post('/api/v1/eligibility')
      .set('Content-Type', 'application/json')
      .send('{"answers": {');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'validation_error' } });
  });

  it('answers 400 for an empty body where one is required', async () => {
    const res = await world.http().post('/api/v1/eligibility');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject(errorShape);
  });

  it('answers 400 to a body sent with a DELETE, and deletes nothing (no DELETE reads one)', async () => {
    const { id, auth } = await world.founder('body-on-delete');
    await world
      .http()
      .post('/api/v1/me/subscriptions')
      .set(auth)
      .send({ scope: 'cn.tech-sme', template_ids: ['t1'] })
      .expect(201);
    await world
      .http()
      .post('/api/v1/me/subscriptions')
      .set(auth)
      .send({ scope: '*', template_ids: ['t1'] })
      .expect(201);

    const scoped = await world.http().delete('/api/v1/me/subscriptions').set(auth).send({ scope: 'cn.tech-sme' });
    expect(scoped.status).toBe(400);
    expect(scoped.body).toMatchObject({
      error: { code: 'validation_error', message: expect.stringContaining('DELETE') },
    });
    expect((await world.http().get('/api/v1/me/subscriptions').set(auth)).body.subscriptions).toHaveLength(2);

    const unconfirmed = await world.http().delete('/api/v1/me').set(auth).send({ confirm: false });
    expect(unconfirmed.status).toBe(400);
    expect(await world.services.founders.exists(id)).toBe(true);

    // The documented way still works: the filter in the query.
    const byQuery = await world.http().delete('/api/v1/me/subscriptions?scope=cn.tech-sme').set(auth);
    expect(byQuery.status).toBe(200);
    expect((await world.http().get('/api/v1/me/subscriptions').set(auth)).body.subscriptions).toHaveLength(1);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'answers 404 for /api/docs/%s (no lookup through Object.prototype)',
    async (name) => {
      const res = await world.http().get(`/api/docs/${name}`);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: { code: 'not_found' } });
    },
  );

  it('answers 400 to a skipped fact named after a member of Object.prototype', async () => {
    for (const fact of ['constructor', 'toString', '__proto__']) {
      const res = await world
        .http()
        .post('/api/v1/eligibility')
        .send({ answers: {}, skipped: [fact] });
      expect({ fact, status: res.status }).toEqual({ fact, status: 400 });
    }
  });

  it('answers 400 to a __proto__, constructor or prototype fact, like any unknown fact', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const res = await world
        .http()
        .post('/api/v1/eligibility')
        .set('Content-Type', 'application/json')
        .send(`{"answers": {"${key}": {"employees": 3}}}`);
      expect({ key, status: res.status }).toEqual({ key, status: 400 });
      expect(res.body).toMatchObject({ error: { code: 'validation_error' } });
    }
  });

  it('answers 404 with the error JSON for an unknown path', async () => {
    const res = await world.http().get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'not_found' } });
  });

  it('answers 405 for a known path with the wrong method', async () => {
    const res = await world.http().patch('/api/v1/eligibility').send({});
    expect(res.status).toBe(405);
    expect(res.body).toMatchObject(errorShape);
  });

  it('answers OPTIONS with the allowed methods', async () => {
    const res = await world.http().options('/api/v1/me/subscriptions');
    expect(res.status).toBe(200);
    expect(res.headers.allow).toEqual(expect.stringContaining('DELETE'));
  });

  it('sets helmet security headers', async () => {
    const res = await world.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
