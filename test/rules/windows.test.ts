import { addDays, daysBetween, expandWindows, isOpenOn, nextWindow } from '../../rules';
import type { ApplicationWindow } from '../../rules/catalogue';

const yearly: ApplicationWindow = {
  id: 'eval',
  kind: 'yearly',
  opens: '06-01',
  closes: '08-31',
  from_year: 2026,
  to_year: 2027,
  confidence: 'C',
};
const fixed: ApplicationWindow = {
  id: 'batch-1',
  kind: 'fixed',
  opens: '2026-03-01',
  closes: '2026-03-20',
  confidence: 'A',
};
const rolling: ApplicationWindow = { id: 'any', kind: 'rolling', note: '常年受理', confidence: 'B' };
const winter: ApplicationWindow = {
  id: 'winter',
  kind: 'yearly',
  opens: '12-01',
  closes: '01-15',
  from_year: 2025,
  confidence: 'B',
};

describe('date arithmetic', () => {
  it('counts days across months, leap days and years', () => {
    expect(daysBetween('2026-11-23', '2026-11-30')).toBe(7);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2026-01-01')).toBe(-364);
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
  });

  it('refuses what is not an ISO date', () => {
    expect(() => daysBetween('23/11/2026', '2026-11-30')).toThrow(RangeError);
  });
});

describe('expandWindows', () => {
  it('expands yearly windows into keyed occurrences within the range and its bounds', () => {
    expect(expandWindows([yearly], '2026-01-01', '2030-12-31').map((w) => w.key)).toEqual(['eval:2026', 'eval:2027']);
    expect(expandWindows([yearly], '2026-09-01', '2027-05-31')).toEqual([]);
  });

  it('keeps fixed windows that overlap, then rolling ones', () => {
    const all = expandWindows([rolling, fixed, yearly], '2026-03-20', '2026-06-01');
    expect(all.map((w) => w.key)).toEqual(['batch-1', 'eval:2026', 'any']);
    expect(all[2]).toEqual({ key: 'any', rolling: true, note: '常年受理' });
  });

  it('runs a window that closes before it opens into the next year', () => {
    expect(expandWindows([winter], '2026-01-10', '2026-01-10')).toEqual([
      { key: 'winter:2025', opens: '2025-12-01', closes: '2026-01-15', rolling: false },
    ]);
  });
});

describe('nextWindow', () => {
  it('is the open or upcoming window that closes first; closing day included', () => {
    expect(nextWindow([yearly], '2026-08-31')!.key).toBe('eval:2026');
    expect(nextWindow([yearly], '2026-09-01')!.key).toBe('eval:2027');
    expect(nextWindow([yearly], '2027-09-01')).toBeNull();
  });

  it('prefers a deadline to a rolling window, and falls back to the rolling one', () => {
    expect(nextWindow([rolling, yearly], '2026-11-23')!.key).toBe('eval:2027');
    expect(nextWindow([rolling, fixed], '2026-11-23')!.key).toBe('any');
    expect(nextWindow([], '2026-11-23')).toBeNull();
  });

  it('knows whether an occurrence is open on a date', () => {
    const [occurrence] = expandWindows([yearly], '2026-06-01', '2026-06-01');
    expect(isOpenOn(occurrence!, '2026-06-01')).toBe(true);
    expect(isOpenOn(occurrence!, '2026-09-01')).toBe(false);
    expect(isOpenOn({ key: 'r', rolling: true }, '2030-01-01')).toBe(true);
  });
});
