import { ValidationError } from '../../errors';
import type { Catalogue } from '../../rules/catalogue';
import type { CatalogueService } from '../../services/catalogue-service';
import { fixedClock } from '../../services/clock';
import { EligibilityService } from '../../services/eligibility-service';
import { LruCache } from '../../services/lru-cache';
import { miniCatalogue, miniPolicy } from '../support/mini-catalogue';

/** A catalogue source whose release the test can swap, as an admin reload does. */
function releases(first: Catalogue) {
  let current = first;
  const source = { current: () => current } as unknown as CatalogueService;
  return { source, reload: (next: Catalogue) => void (current = next) };
}

const clock = fixedClock(new Date('2026-11-23T02:00:00Z'));
// National, so they apply whatever region the founder is in (the mini catalogue asks none).
const national = (id: string) => miniPolicy(id, { region: 'national' });
const twoPolicies = () => miniCatalogue([national('sh.a'), national('sh.b')]);
/** The same with a second fact, so that answers can come in two orders. */
function twoPoliciesTwoFacts(): Catalogue {
  const catalogue = twoPolicies();
  const employees = { fact: 'employees', type: 'integer', label: '职工人数', question: '几人？', why: '规模' } as const;
  return { ...catalogue, facts: { ...catalogue.facts, employees } };
}

describe('EligibilityService check cache', () => {
  it('answers a check asked again from memory, whatever the order of answers, topics and skipped facts', () => {
    const { source } = releases(twoPoliciesTwoFacts());
    const service = new EligibilityService(source, clock, 10);
    const first = service.check({
      answers: { registered_in_shanghai: true, employees: 3 },
      policies: ['sh.a', 'sh.b'],
    });
    const again = service.check({
      answers: { employees: 3, registered_in_shanghai: true },
      policies: ['sh.b', 'sh.a', 'sh.a'],
    });
    const third = service.check({
      answers: { registered_in_shanghai: true, employees: 3 },
      policies: ['sh.a', 'sh.b'],
    });
    // Kept from its second asking on: a check asked once is never kept (see LruCache).
    expect(again).not.toBe(first);
    expect(third).toBe(again);
    expect(first.evaluation.results.map((r) => r.status)).toEqual(['eligible', 'eligible']);
  });

  it('keeps checks apart that differ in answers, date, topic or skipped facts', () => {
    const { source } = releases(twoPolicies());
    const service = new EligibilityService(source, clock, 10);
    const base = service.check({ answers: { registered_in_shanghai: true } });
    const others = [
      service.check({ answers: { registered_in_shanghai: false } }),
      service.check({ answers: {} }),
      service.check({ answers: { registered_in_shanghai: true }, asOf: '2026-01-01' }),
      service.check({ answers: { registered_in_shanghai: true }, policies: ['sh.a'] }),
      service.check({ answers: {}, skipped: ['registered_in_shanghai'] }),
    ];
    for (const other of others) expect(other).not.toBe(base);
    expect(others[0]!.evaluation.results.map((r) => r.status)).toEqual(['not_eligible', 'not_eligible']);
    expect(others[1]!.nextQuestion?.fact).toBe('registered_in_shanghai');
    expect(others[4]!.nextQuestion).toBeNull();
    expect(others[3]!.evaluation.results.map((r) => r.policy)).toEqual(['sh.a']);
  });

  it('never serves a check of an earlier content release', () => {
    const { source, reload } = releases(twoPolicies());
    const service = new EligibilityService(source, clock, 10);
    const before = service.check({ answers: { registered_in_shanghai: true } });
    reload(miniCatalogue([national('sh.a'), national('sh.b'), national('sh.c')]));
    const after = service.check({ answers: { registered_in_shanghai: true } });
    expect(after).not.toBe(before);
    expect(after.evaluation.results.map((r) => r.policy)).toEqual(['sh.a', 'sh.b', 'sh.c']);
  });

  it('computes every check afresh when the cache is off, with the same verdicts', () => {
    const { source } = releases(twoPolicies());
    const service = new EligibilityService(source, clock, 0);
    const first = service.check({ answers: { registered_in_shanghai: true } });
    const again = service.check({ answers: { registered_in_shanghai: true } });
    expect(again).not.toBe(first);
    expect(again.evaluation.results.map((r) => r.status)).toEqual(first.evaluation.results.map((r) => r.status));
  });

  it('serialises a check whole, the ladder and benefits worked out when read included', () => {
    const { source } = releases(twoPolicies());
    const check = new EligibilityService(source, clock, 10).check({ answers: { registered_in_shanghai: true } });
    const json = JSON.parse(JSON.stringify(check)) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['answers', 'benefits', 'evaluation', 'ladder', 'nextQuestion']);
    expect(json.benefits).toEqual(JSON.parse(JSON.stringify(check.benefits)));
  });

  it('shares a cached check read-only and leaves the caller’s answers alone', () => {
    const { source } = releases(twoPolicies());
    const service = new EligibilityService(source, clock, 10);
    const input = { registered_in_shanghai: true };
    const check = service.check({ answers: input });
    expect(Object.isFrozen(check)).toBe(true);
    expect(Object.isFrozen(check.answers)).toBe(true);
    expect(Object.isFrozen(input)).toBe(false);
    input.registered_in_shanghai = false;
    expect(service.check({ answers: { registered_in_shanghai: true } }).answers).toEqual({
      registered_in_shanghai: true,
    });
  });

  it('still rejects invalid answers before looking anything up', () => {
    const { source } = releases(twoPolicies());
    const service = new EligibilityService(source, clock, 10);
    expect(() => service.check({ answers: { registered_in_shanghai: 'yes' } })).toThrow(ValidationError);
  });
});

/** Sets a key twice, as the doorkeeper wants before it keeps anything. */
function keep(cache: LruCache<string, number>, key: string, value: number): void {
  cache.set(key, value);
  cache.set(key, value);
}

describe('LruCache', () => {
  it('keeps a key only from its second setting on (most checks are asked once)', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
    cache.set('a', 1);
    expect(cache.get('a')).toBe(1);
  });

  it('forgets keys set once when too many others come by, so only keys that come back soon are kept', () => {
    const cache = new LruCache<string, number>(2); // notes up to 64 keys set once
    cache.set('a', 1);
    for (let i = 0; i < 64; i += 1) cache.set(`other-${i}`, i);
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
  });

  it('evicts the least recently used entry, a read counting as a use', () => {
    const cache = new LruCache<string, number>(2);
    keep(cache, 'a', 1);
    keep(cache, 'b', 2);
    expect(cache.get('a')).toBe(1);
    keep(cache, 'c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('replaces a key in place and stores nothing at capacity 0', () => {
    const cache = new LruCache<string, number>(2);
    keep(cache, 'a', 1);
    cache.set('a', 2);
    expect(cache.size).toBe(1);
    expect(cache.get('a')).toBe(2);
    const none = new LruCache<string, number>(0);
    keep(none, 'a', 1);
    expect(none.get('a')).toBeUndefined();
  });
});
