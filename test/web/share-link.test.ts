/** The share link's fragment (web/client/share-link.ts) gives back exactly the answers and skips put in. */
import fc from 'fast-check';
import { decodeShare, encodeShare, shareUrl } from '../../web/client/share-link';

const fact = fc.stringMatching(/^[a-z][a-z0-9_]{0,30}$/);
// Enum values are snake or kebab case words (docs/facts.md); numbers as the API takes them.
const value = fc.oneof(
  fc.boolean(),
  fc.integer({ min: -1_000_000, max: 1_000_000_000 }),
  fc
    .double({ min: -1e6, max: 1e9, noNaN: true, noDefaultInfinity: true })
    .filter((n) => !/e/i.test(String(n)))
    // JSON, and so the API, has no -0: the answers never hold one.
    .map((n) => (Object.is(n, -0) ? 0 : n)),
  fc.stringMatching(/^[a-z][a-z0-9_-]{0,20}$/),
);

describe('share link', () => {
  it('round-trips any answers and skipped facts', () => {
    fc.assert(
      fc.property(fc.dictionary(fact, value), fc.uniqueArray(fact), (answers, skipped) => {
        const hash = `#a=${encodeShare(answers, skipped)}`;
        expect(decodeShare(hash)).toEqual({ answers, skipped });
      }),
    );
  });

  it('is compact and readable', () => {
    const url = shareUrl('https://example.org/', { district: 'pudong', employees: 40, in_incubator: true }, [
      'debt_ratio',
    ]);
    expect(url).toBe('https://example.org/#a=district:pudong,employees:40,in_incubator:T,!debt_ratio');
  });

  it('reads no answers from a fragment without them, and drops what is malformed', () => {
    expect(decodeShare('')).toBeNull();
    expect(decodeShare('#top')).toBeNull();
    expect(decodeShare('#a=employees:%E0%A4%A,:x,bad name:1,district:xuhui')).toEqual({
      answers: { district: 'xuhui' },
      skipped: [],
    });
  });
});
