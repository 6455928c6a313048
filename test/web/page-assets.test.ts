/**
 * The page at `/` without a browser: small (HTML + CSS + every script under
 * 100 KB gzipped), nothing inline, a Content-Security-Policy without
 * 'unsafe-inline', and the traditional-Chinese conversion it asks the server for.
 */
import { gzipSync } from 'node:zlib';
import { ApiWorld, openApiWorld } from '../api/support/api-world';

let world: ApiWorld;
beforeAll(async () => {
  world = await openApiWorld();
});
afterAll(() => world.close());

/** Every asset the page loads: its stylesheet, its scripts and whatever they import, followed to the end. */
async function pageAssets(): Promise<Map<string, Buffer>> {
  const assets = new Map<string, Buffer>();
  const page = await world.http().get('/');
  assets.set('/', Buffer.from(page.text));
  const pending = [...page.text.matchAll(/(?:href|src)="(\/web\/[^"]+)"/g)].map((m) => m[1]!);
  while (pending.length > 0) {
    const url = pending.pop()!;
    if (assets.has(url)) continue;
    const res = await world
      .http()
      .get(url)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect({ url, status: res.status }).toEqual({ url, status: 200 });
    const body = res.body as Buffer;
    assets.set(url, body);
    for (const m of body.toString('utf8').matchAll(/from\s*['"]\.\/([a-z0-9-]+\.js)['"]/g))
      pending.push(`/web/js/${m[1]}`);
  }
  return assets;
}

describe('the page at /', () => {
  it('weighs under 100 KB gzipped in all (HTML, CSS, scripts)', async () => {
    const assets = await pageAssets();
    expect([...assets.keys()]).toEqual(
      expect.arrayContaining(['/', '/web/app.css', '/web/js/main.js', '/web/js/api.js']),
    );
    const gzipped = [...assets.values()].reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
    process.stdout.write(`page weight: ${assets.size} files, ${(gzipped / 1024).toFixed(1)} KB gzipped\n`);
    expect(gzipped).toBeLessThan(100 * 1024);
  });

  it('runs under a Content-Security-Policy without unsafe-inline, and has nothing inline', async () => {
    const res = await world.http().get('/');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(res.text).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
  });

  it('serves only the client modules that exist', async () => {
    expect((await world.http().get('/web/js/nothing-here.js')).status).toBe(404);
    expect((await world.http().get('/web/js/..%2Fpage-routes.js')).status).toBe(404);
    expect((await world.http().get('/web/js/main.ts')).status).toBe(404);
  });
});

describe('the per-IP rate limit', () => {
  it('leaves the page’s own files out, and still counts the API calls it makes', async () => {
    const limited = await openApiWorld({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      for (let visit = 0; visit < 3; visit += 1)
        for (const asset of ['/', '/web/app.css', '/web/js/main.js'])
          expect({ asset, status: (await limited.http().get(asset)).status }).toEqual({ asset, status: 200 });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1)
        statuses.push(
          (
            await limited
              .http()
              .post('/web/traditional')
              .send({ texts: ['你好'] })
          ).status,
        );
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('POST /web/traditional', () => {
  it('converts the page’s strings to traditional Chinese, in order', async () => {
    const res = await world
      .http()
      .post('/web/traditional')
      .send({ texts: ['高新技术企业认定', '你的结果', '123'] });
    expect(res.status).toBe(200);
    expect(res.body.texts).toEqual(['高新技術企業認定', '你的結果', '123']);
  });

  it('refuses what is not a list of strings', async () => {
    expect((await world.http().post('/web/traditional').send({ texts: 'x' })).status).toBe(400);
    expect((await world.http().post('/web/traditional').send({ texts: [], extra: 1 })).status).toBe(400);
  });
});
