import { FactAnswer, Subscription } from '../../entities';
import { silentLogger } from '../../logging/logger';
import { CatalogueService } from '../../services/catalogue-service';
import { fixedClock } from '../../services/clock';
import { ContentReleaseService } from '../../services/content-release-service';
import { EligibilityService } from '../../services/eligibility-service';
import { fittingFromEligibility } from '../../reminders/fitting-policies';
import { ReminderRunner } from '../../reminders/runner';
import { miniCatalogue, miniPolicy } from '../support/mini-catalogue';
import { describeTarget, openTestDatabase, TestDatabase } from '../support/test-database';
import { Fixtures, recordingChannel, shanghai, testSettings } from './support/reminder-fixtures';

/** The real rules engine behind "everything that fits me" (mini catalogue: sh.a requires registered_in_shanghai). */
describe(`"everything that fits me" with the real eligibility service, on ${describeTarget()}`, () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await openTestDatabase();
  });
  afterEach(() => db.close());

  it('reminds founders whose stored answers make them eligible or maybe, and nobody else', async () => {
    const clock = fixedClock(shanghai('2026-08-01T09:00'));
    const catalogue = new CatalogueService(db.dataSource);
    await new ContentReleaseService(db.dataSource, catalogue, clock, () => ({
      // National, so they apply whatever region the founder is in (the mini catalogue asks none).
      catalogue: miniCatalogue([
        miniPolicy('sh.a', { region: 'national' }),
        miniPolicy('sh.b', { region: 'national' }),
      ]),
      hash: 'h',
    })).load('content', { actor: 'test' });
    const fx = new Fixtures(db.dataSource);
    const [eligible, notEligible, unknown, invalid] = [
      await fx.founder(),
      await fx.founder(),
      await fx.founder(),
      await fx.founder(),
    ];
    for (const founder of [eligible, notEligible, unknown, invalid]) {
      await db.dataSource.manager.insert(Subscription, {
        founderId: founder,
        scope: '*',
        channel: 'wechat',
        templateIds: [],
        status: 'active',
      });
    }
    const answer = (founderId: string, fact: string, value: boolean | string) =>
      db.dataSource.manager.insert(FactAnswer, { founderId, fact, value, answeredAt: clock.now(), channel: 'api' });
    await answer(eligible, 'registered_in_shanghai', true);
    await answer(notEligible, 'registered_in_shanghai', false);
    await answer(invalid, 'registered_in_shanghai', 'perhaps'); // not a boolean: no verdict, no reminder

    const channel = recordingChannel();
    const eligibility = new EligibilityService(catalogue, clock);
    const summary = await new ReminderRunner({
      dataSource: db.dataSource,
      clock,
      channels: [channel],
      catalogue,
      verdicts: fittingFromEligibility(eligibility, catalogue, silentLogger()),
      settings: testSettings(),
      logger: silentLogger(),
    }).run();

    // sh.a and sh.b both close 2026-08-31 (yearly 06-01..08-31): 30 days ahead.
    expect(summary.plan).toMatchObject({ windows: 2, candidates: 4 });
    const reminded = Object.fromEntries(
      channel.bundles.map((b) => [b.founderId, b.items.map((i) => i.policyId).sort()]),
    );
    expect(reminded).toEqual({ [eligible]: ['sh.a', 'sh.b'], [unknown]: ['sh.a', 'sh.b'] });
    expect(channel.bundles[0]!.items[0]).toMatchObject({
      daysLeft: 30,
      materials: ['营业执照'],
      link: 'https://example.gov.cn',
    });
  });
});
