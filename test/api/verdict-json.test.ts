/**
 * The replies a cache miss writes (api/presenters/check-json.ts, written
 * around per-policy fragments) are the very text the straightforward
 * presenters give through JSON.stringify: same members, same order, same
 * values, for sampled profiles on dates with every policy in force, none yet
 * and none any more, with topics and skipped facts.
 */
import path from 'node:path';
import { checkJson, checkSummaryJson, resultsJson, summaryResultsJson } from '../../api/presenters/check-json';
import { presentCheck, presentCheckSummary, presentResult, presentSummary } from '../../api/presenters/eligibility';
import { snakeJson, snakeKeys } from '../../api/presenters/snake-case';
import { readCatalogue } from '../../catalogue/read-content';
import type { Catalogue } from '../../rules/catalogue';
import type { PolicyResult } from '../../rules/results';
import type { CatalogueService } from '../../services/catalogue-service';
import { fixedClock } from '../../services/clock';
import { EligibilityService } from '../../services/eligibility-service';
import { sampleProfiles } from '../rules/support/profiles';

const { catalogue } = readCatalogue(path.resolve(__dirname, '../../content'));
const TODAY = '2026-12-04';
// No check cache: every check is new, as on a miss.
const eligibility = new EligibilityService(
  { current: (): Catalogue => catalogue } as unknown as CatalogueService,
  fixedClock(new Date(`${TODAY}T04:00:00Z`)),
  0,
);
const profiles = sampleProfiles(catalogue, TODAY, 300, 4242);
const firstTopic = catalogue.policies[0]!.topics[0]!;

const requests = [
  ...profiles.map((answers) => ({ answers })),
  // Before most policies began, and long after: not_in_force verdicts with their own caveats.
  ...profiles.slice(0, 20).map((answers) => ({ answers, asOf: '2015-01-01' })),
  ...profiles.slice(20, 40).map((answers) => ({ answers, asOf: '2039-06-30' })),
  ...profiles.slice(40, 60).map((answers) => ({ answers, policies: eligibility.policiesForTopic(firstTopic) })),
  ...profiles.slice(60, 80).map((answers) => ({ answers, skipped: Object.keys(catalogue.facts).slice(0, 5) })),
];

describe('check JSON written around per-policy fragments', () => {
  it('is the text of the full reply presented as objects', () => {
    for (const request of requests) {
      const check = eligibility.check(request);
      expect(checkJson(check).toString()).toBe(JSON.stringify(presentCheck(check)));
      expect(resultsJson(check.evaluation).toString()).toBe(
        JSON.stringify(check.evaluation.results.map(presentResult)),
      );
    }
  });

  it('is the text of the summary presented as objects', () => {
    for (const request of requests) {
      const check = eligibility.check(request);
      expect(checkSummaryJson(check, catalogue.facts).toString()).toBe(
        JSON.stringify(presentCheckSummary(check, catalogue.facts)),
      );
      expect(summaryResultsJson(check.evaluation, catalogue.facts).toString()).toBe(
        JSON.stringify(check.evaluation.results.map((r) => presentSummary(r, catalogue.facts))),
      );
    }
  });

  it('writes afresh for a verdict whose static parts are not the ones its fragments were made from', () => {
    const check = eligibility.check({ answers: {} });
    checkJson(check); // fragments made for the shipped policies
    const shipped = check.evaluation.results[0]!;
    // A plain copy sharing the sources list (the fragments' key), each time with one static part changed.
    const plain: PolicyResult = {
      ...shipped,
      criteria: shipped.criteria,
      nearMiss: shipped.nearMiss,
      outline: shipped.outline,
      failed: shipped.failed,
      scores: [],
    };
    for (const changed of [
      { title: '改过的标题' },
      { caveats: ['另一条提示'] },
      { benefit: { ...shipped.benefit, description: '另一种扶持；第二句' } },
      { toCheck: ['自行确认的另一条件'] },
      { nextWindow: null },
      {},
    ]) {
      const evaluation = { asOf: TODAY, results: [{ ...plain, ...changed }] };
      expect(resultsJson(evaluation).toString()).toBe(JSON.stringify(evaluation.results.map(presentResult)));
      expect(summaryResultsJson(evaluation, catalogue.facts).toString()).toBe(
        JSON.stringify(evaluation.results.map((r) => presentSummary(r, catalogue.facts))),
      );
    }
  });

  it('writes snake_case JSON as snakeKeys then JSON.stringify would', () => {
    const value = {
      camelCase: [1, undefined, 'a\u2028"b', { innerKey: null, dropped: undefined, fn: () => 1 }],
      at: new Date('2026-01-02T03:04:05Z'),
      nested: { deepURLName: NaN, ok: true },
    };
    expect(snakeJson(value)).toBe(JSON.stringify(snakeKeys(value)));
  });
});
