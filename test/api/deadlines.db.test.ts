/** GET /api/v1/me/deadlines.ics: an RFC 5545 calendar of my relevant windows. */
import { ApiWorld, openApiWorld } from './support/api-world';

let world: ApiWorld;
beforeAll(async () => {
  world = await openApiWorld();
});
afterAll(() => world.close());

const unfold = (ics: string) => ics.replace(/\r\n /g, '');

describe('GET /api/v1/me/deadlines.ics', () => {
  it('is a calendar file with one all-day event per upcoming deadline', async () => {
    const { auth } = await world.founder('ics-maybe');
    const res = await world.http().get('/api/v1/me/deadlines.ics').set(auth);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('deadlines.ics');
    const ics = res.text;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const events = unfold(ics).split('BEGIN:VEVENT').slice(1);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(event).toMatch(/DTSTART;VALUE=DATE:\d{8}\r\n/);
      expect(event).toMatch(/UID:[^\r]+@founder-guide/);
      expect(event).toContain('SUMMARY:申报截止：');
      const date = /DTSTART;VALUE=DATE:(\d{8})/.exec(event)![1]!;
      expect(date >= '20261123').toBe(true);
    }
  });

  it('leaves out policies I am not eligible for unless I subscribed to them', async () => {
    const { auth } = await world.founder('ics-student');
    // An unregistered team: not eligible for 高企.
    await world
      .http()
      .put('/api/v1/me/profile')
      .set(auth)
      .send({ answers: { company_registered: false, district: 'minhang' } });
    const text = async () => unfold((await world.http().get('/api/v1/me/deadlines.ics').set(auth)).text);
    const title = (await world.http().get('/api/v1/policies/cn.high-tech-enterprise')).body.title as string;
    const before = await text();
    expect(before).not.toContain(`SUMMARY:申报截止：${title}`);
    await world
      .http()
      .post('/api/v1/me/subscriptions')
      .set(auth)
      .send({ scope: 'cn.high-tech-enterprise', template_ids: ['t'] });
    const after = await text();
    if (
      (await world.http().get('/api/v1/policies/cn.high-tech-enterprise')).body.windows.some(
        (w: { closes: string | null }) => w.closes,
      )
    ) {
      expect(after).toContain(`SUMMARY:申报截止：${title}`);
    }
  });

  it('needs a session token', async () => {
    expect((await world.http().get('/api/v1/me/deadlines.ics')).status).toBe(401);
  });
});
