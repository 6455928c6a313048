/** content:check's warnings: stale verification, every window closed, sources on known mirrors. */
import { contentWarnings, KNOWN_MIRRORS, STALE_AFTER_DAYS } from '../../catalogue/content-warnings';
import { readCatalogue } from '../../catalogue/read-content';
import { copyContent, edit, MINIMAL_CONTENT, removeCopies } from './support/content-dirs';

const ALPHA = 'policies/sh.alpha.yaml';
const TODAY = '2026-12-04';

afterAll(removeCopies);

const warningsIn = (dir: string, today = TODAY) => contentWarnings(readCatalogue(dir).catalogue, today);

describe('content:check warnings', () => {
  it('has none for the minimal fixture as it is', () => {
    expect(warningsIn(MINIMAL_CONTENT)).toEqual([]);
  });

  it(`warns about a policy verified more than ${STALE_AFTER_DAYS} days ago, not one verified exactly then`, () => {
    const dir = copyContent();
    edit(dir, ALPHA, "verified_at: '2026-11-23'", "verified_at: '2026-06-07'");
    expect(warningsIn(dir)).toEqual([]); // 2026-06-07 is 180 days before 2026-12-04: still fresh
    expect(warningsIn(dir, '2026-12-05')).toEqual([
      { path: `${ALPHA}:verified_at`, reason: expect.stringContaining('2026-06-07') },
    ]);
  });

  it('warns when every window has closed and no later one is known', () => {
    const dir = copyContent();
    edit(dir, ALPHA, 'from_year: 2026, to_year: 2027', 'from_year: 2026, to_year: 2026');
    expect(warningsIn(dir, '2026-12-04')).toEqual([
      { path: `${ALPHA}:windows`, reason: expect.stringContaining('以当年通知为准') },
    ]);
    // While the yearly window of 2026 is still ahead, nothing to say.
    expect(warningsIn(dir, '2026-07-01')).toEqual([]);
  });

  it.each(KNOWN_MIRRORS)('warns about a source on the mirror %s', (mirror) => {
    const dir = copyContent();
    edit(dir, ALPHA, "url: 'https://example.gov.cn/a'", `url: 'https://www.${mirror}/news/1.html'`);
    expect(warningsIn(dir)).toEqual([{ path: `${ALPHA}:sources`, reason: expect.stringContaining(mirror) }]);
  });
});
