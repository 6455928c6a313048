/**
 * The same founder's writes arriving at once (a double tap, two logins at
 * start-up, the bot beside the mini-program) all succeed, on SQLite (one
 * connection: transactions queue) and on MariaDB (unique keys and deadlocks).
 */
import { Founder, FactAnswer } from '../../entities';
import { fixedClock } from '../../services/clock';
import { FounderService } from '../../services/founder-service';
import { ProfileService } from '../../services/profile-service';
import { describeTarget, openTestDatabase, TestDatabase } from '../support/test-database';

const AT_ONCE = 8;

describe(`concurrent writes on ${describeTarget()}`, () => {
  let db: TestDatabase;
  let founders: FounderService;
  let profiles: ProfileService;

  beforeEach(async () => {
    db = await openTestDatabase();
    founders = new FounderService(db.dataSource);
    profiles = new ProfileService(db.dataSource, fixedClock(new Date('2026-11-23T02:00:00Z')));
  });
  afterEach(() => db.close());

  it('creates one founder when the same first contact arrives several times at once', async () => {
    const found = await Promise.all(
      Array.from({ length: AT_ONCE }, () => founders.findOrCreate({ channel: 'miniprogram', openid: 'twice' })),
    );
    expect(new Set(found.map((founder) => founder.id)).size).toBe(1);
    expect(await db.dataSource.manager.count(Founder)).toBe(1);
  });

  it('replaces a profile several times at once: every call succeeds and one version wins whole', async () => {
    const { id } = await founders.findOrCreate({ channel: 'terminal', user: 'replacer' });
    await Promise.all(
      Array.from({ length: AT_ONCE }, (_, i) => profiles.replace(id, { employees: i + 1, district: 'pudong' }, 'api')),
    );
    const rows = await db.dataSource.manager.findBy(FactAnswer, { founderId: id });
    expect(rows.map((row) => row.fact).sort()).toEqual(['district', 'employees']);
  });

  it('saves answers to the same fact several times at once: one row, one of the values', async () => {
    const { id } = await founders.findOrCreate({ channel: 'terminal', user: 'saver' });
    await Promise.all(Array.from({ length: AT_ONCE }, (_, i) => profiles.save(id, { employees: i + 1 }, 'api')));
    const answers = await profiles.answers(id);
    expect(Object.keys(answers)).toEqual(['employees']);
    expect(answers.employees).toBeGreaterThanOrEqual(1);
    expect(answers.employees).toBeLessThanOrEqual(AT_ONCE);
  });

  it('erases a founder asked to twice at once: one erases, the other finds nothing to erase', async () => {
    const { id } = await founders.findOrCreate({ channel: 'terminal', user: 'leaver' });
    await profiles.save(id, { employees: 3 }, 'api');
    const outcomes = await Promise.allSettled([founders.erase(id), founders.erase(id)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(String(refused?.reason)).toMatch(/founder not found/);
    expect(await db.dataSource.manager.count(Founder)).toBe(0);
  });
});
