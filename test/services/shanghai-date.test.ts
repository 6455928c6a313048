/** shanghaiDate remembers the last day it computed; it must still answer every instant exactly. */
import fc from 'fast-check';
import { shanghaiDate } from '../../services/clock';

/** The plain computation, without the remembered day. */
const reference = (ms: number) => new Date(ms + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);

it('turns the day at midnight in Shanghai (16:00 UTC), in either direction', () => {
  const lastMs = Date.parse('2026-11-23T15:59:59.999Z');
  expect(shanghaiDate(new Date(lastMs))).toBe('2026-11-23');
  expect(shanghaiDate(new Date(lastMs + 1))).toBe('2026-11-24');
  expect(shanghaiDate(new Date(lastMs))).toBe('2026-11-23');
  expect(shanghaiDate(new Date(Date.parse('2026-11-23T00:00:00Z')))).toBe('2026-11-23');
  expect(shanghaiDate(new Date(Date.parse('2026-11-22T16:00:00Z')))).toBe('2026-11-23');
  expect(shanghaiDate(new Date(Date.parse('2026-11-22T15:59:59.999Z')))).toBe('2026-11-22');
});

it('answers any sequence of instants as the plain computation does', () => {
  const instant = fc.integer({ min: Date.parse('1990-01-01'), max: Date.parse('2100-01-01') });
  // Runs of nearby instants, so that the remembered day is hit as well as missed.
  const near = instant.chain((ms) =>
    fc.array(
      fc.integer({ min: -2 * 86_400_000, max: 2 * 86_400_000 }).map((d) => ms + d),
      { minLength: 1, maxLength: 20 },
    ),
  );
  fc.assert(
    fc.property(fc.array(near, { minLength: 1, maxLength: 10 }), (runs) => {
      for (const ms of runs.flat()) expect(shanghaiDate(new Date(ms))).toBe(reference(ms));
    }),
  );
});
