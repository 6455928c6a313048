/** Signed session tokens: HMAC with SESSION_SECRET, or a per-process random key when unset. */
import { fixedClock } from '../../services/clock';
import { SessionTokens } from '../../services/session-tokens';

const clock = fixedClock(new Date('2026-11-23T02:00:00Z'));

describe('SessionTokens', () => {
  it('verifies its own tokens and reads the founder id back', () => {
    const tokens = new SessionTokens('a-secret-that-is-at-least-32-chars-long', clock);
    const { token, expiresAt } = tokens.issue('founder-1');
    expect(tokens.verify(token)).toEqual({ ok: true, founderId: 'founder-1' });
    expect(expiresAt.getTime()).toBeGreaterThan(clock.now().getTime());
  });

  it('refuses tokens signed with another secret (and random keys differ per process)', () => {
    const a = new SessionTokens('a-secret-that-is-at-least-32-chars-long', clock);
    const b = new SessionTokens('another-secret-that-is-32-chars-long!!', clock);
    expect(b.verify(a.issue('f').token)).toEqual({ ok: false, reason: 'invalid' });
    const r1 = new SessionTokens(undefined, clock);
    const r2 = new SessionTokens(undefined, clock);
    expect(r2.verify(r1.issue('f').token).ok).toBe(false);
    expect(r1.verify(r1.issue('f').token).ok).toBe(true);
  });

  it('refuses garbage without throwing', () => {
    const tokens = new SessionTokens(undefined, clock);
    for (const garbage of ['', 'fg1', 'fg1..', 'fg1.e30.', 'x.y.z', 'fg1.%%%.abc', '💥.💥.💥']) {
      expect(tokens.verify(garbage).ok).toBe(false);
    }
  });

  it('expires tokens after their lifetime', () => {
    const local = fixedClock(new Date('2026-11-23T02:00:00Z'));
    const tokens = new SessionTokens(undefined, local, 60);
    const { token } = tokens.issue('f');
    local.advance(61_000);
    expect(tokens.verify(token)).toEqual({ ok: false, reason: 'expired' });
  });
});
