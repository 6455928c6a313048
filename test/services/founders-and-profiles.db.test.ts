import { AuditLog, Founder, FactAnswer, Subscription, ReminderDelivery } from '../../entities';
import { NotFoundError } from '../../errors';
import { fixedClock } from '../../services/clock';
import { FounderService } from '../../services/founder-service';
import { ProfileService } from '../../services/profile-service';
import { describeTarget, openTestDatabase, TestDatabase } from '../support/test-database';

describe(`founders and profiles on ${describeTarget()}`, () => {
  let db: TestDatabase;
  let founders: FounderService;
  let profiles: ProfileService;

  beforeEach(async () => {
    db = await openTestDatabase();
    founders = new FounderService(db.dataSource);
    profiles = new ProfileService(db.dataSource, fixedClock(new Date('2026-11-23T02:00:00Z')));
  });
  afterEach(() => db.close());

  it('finds the same founder again by the same channel identity', async () => {
    const first = await founders.findOrCreate({ channel: 'wechat', contactId: 'contact-1' });
    const again = await founders.findOrCreate({ channel: 'wechat', contactId: 'contact-1' });
    expect(again.id).toBe(first.id);
    expect(await db.dataSource.manager.count(Founder)).toBe(1);
  });

  it('links the bot and the mini-program to one founder through the unionid', async () => {
    const viaBot = await founders.findOrCreate({ channel: 'wechat', contactId: 'contact-1', unionid: 'union-1' });
    const viaMiniProgram = await founders.findOrCreate({
      channel: 'miniprogram',
      openid: 'open-1',
      unionid: 'union-1',
    });
    expect(viaMiniProgram.id).toBe(viaBot.id);
    const addresses = (await founders.addresses([viaBot.id])).get(viaBot.id);
    expect(Object.fromEntries(addresses!)).toEqual({ miniprogram: 'open-1', wechat: 'contact-1' });
  });

  it('keeps founders apart when they have different identities', async () => {
    const a = await founders.findOrCreate({ channel: 'miniprogram', openid: 'open-a' });
    const b = await founders.findOrCreate({ channel: 'miniprogram', openid: 'open-b' });
    expect(a.id).not.toBe(b.id);
  });

  it('saves answers by fact, replacing earlier values and keeping the others', async () => {
    const founder = await founders.findOrCreate({ channel: 'terminal', user: 'alice' });
    await profiles.save(founder.id, { employees: 10, registered_in_shanghai: true }, 'terminal');
    const answers = await profiles.save(founder.id, { employees: 12, district: 'pudong' }, 'terminal');
    expect(answers).toEqual({ employees: 12, registered_in_shanghai: true, district: 'pudong' });
  });

  it('replaces the whole profile on replace and forgets single facts', async () => {
    const founder = await founders.findOrCreate({ channel: 'terminal', user: 'alice' });
    await profiles.save(founder.id, { employees: 10, registered_in_shanghai: true }, 'terminal');
    expect(await profiles.replace(founder.id, { tech_staff_ratio: 12.5 }, 'api')).toEqual({ tech_staff_ratio: 12.5 });
    expect(await profiles.forget(founder.id, ['tech_staff_ratio'])).toEqual({});
  });

  it('erases a founder and everything personal, leaving other founders alone', async () => {
    const alice = await founders.findOrCreate({ channel: 'terminal', user: 'alice' });
    const bob = await founders.findOrCreate({ channel: 'terminal', user: 'bob' });
    for (const founder of [alice, bob]) {
      await profiles.save(founder.id, { employees: 3 }, 'terminal');
      await db.dataSource.manager.save(Subscription, {
        founderId: founder.id,
        scope: '*',
        channel: 'wechat',
        templateIds: [],
        status: 'active',
      });
      await db.dataSource.manager.save(ReminderDelivery, {
        founderId: founder.id,
        policyId: 'p',
        windowKey: 'w',
        offsetDays: 7,
        channel: 'wechat',
        kind: 'reminder',
        closesOn: '2026-12-01',
        status: 'pending',
        attempts: 0,
        nextAttemptAt: new Date(),
      });
    }
    await founders.erase(alice.id);
    expect(await db.dataSource.manager.countBy(Founder, { id: alice.id })).toBe(0);
    expect(await db.dataSource.manager.countBy(FactAnswer, { founderId: alice.id })).toBe(0);
    expect(await db.dataSource.manager.countBy(Subscription, { founderId: alice.id })).toBe(0);
    expect(await db.dataSource.manager.countBy(ReminderDelivery, { founderId: alice.id })).toBe(0);
    expect(await profiles.answers(bob.id)).toEqual({ employees: 3 });
    const audit = await db.dataSource.manager.findOneByOrFail(AuditLog, { action: 'founder.erased' });
    expect(JSON.stringify(audit.detail)).not.toContain(alice.id);
    await expect(founders.erase(alice.id)).rejects.toThrow(NotFoundError);
  });

  // The same founder's writes at once (a double tap, two logins at start-up, the bot beside the
  // mini-program): on SQLite transactions queue on the one connection; on MariaDB unique keys and
  // deadlocks decide, and the loser finds or redoes the winner's work.
  describe('several at once', () => {
    const AT_ONCE = 8;

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
        Array.from({ length: AT_ONCE }, (_, i) =>
          profiles.replace(id, { employees: i + 1, district: 'pudong' }, 'api'),
        ),
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
      expect(refused?.reason).toBeInstanceOf(NotFoundError);
      expect(await db.dataSource.manager.count(Founder)).toBe(0);
    });
  });
});
