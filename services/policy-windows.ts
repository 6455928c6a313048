/**
 * A policy's concrete application windows around a date, computed from the
 * catalogue (the same expansion the content loader writes to
 * application_window, so keys match what reminders and the tracker use).
 */
import type { Policy } from '../rules/catalogue';
import { windowRows, WindowRow } from './window-rows';

export type ConcreteWindowRow = Omit<WindowRow, 'policyId'>;

/** Windows that have not closed on `asOf` (rolling ones included), soonest deadline first. */
export function upcomingWindows(policy: Policy, asOf: string): ConcreteWindowRow[] {
  const year = Number(asOf.slice(0, 4));
  return windowRows(policy, year)
    .filter((row) => row.rolling || (row.closesOn !== null && row.closesOn >= asOf))
    .map(({ policyId: _policyId, ...row }) => row)
    .sort((a, b) => (a.closesOn ?? '9999').localeCompare(b.closesOn ?? '9999'));
}

export function isOpenOn(window: ConcreteWindowRow, asOf: string): boolean {
  if (window.rolling) return true;
  return (window.opensOn === null || window.opensOn <= asOf) && window.closesOn !== null && asOf <= window.closesOn;
}

/** Open on `asOf` and closing within `days` days (rolling windows never "close soon"). */
export function isClosingSoon(window: ConcreteWindowRow, asOf: string, days: number): boolean {
  if (window.rolling || window.closesOn === null || !isOpenOn(window, asOf)) return false;
  const limit = new Date(Date.parse(`${asOf}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return window.closesOn <= limit;
}
