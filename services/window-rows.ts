/**
 * Expands a policy's application windows into concrete rows for the
 * application_window table: one per fixed or rolling window, one per year for
 * yearly windows (up to `to_year`, or two years past the load for open-ended
 * ones; a later content load extends them).
 */
import type { ApplicationWindow as WindowDefinition, Policy } from '../rules/catalogue';

export interface WindowRow {
  policyId: string;
  windowKey: string;
  opensOn: string | null;
  closesOn: string | null;
  rolling: boolean;
  note: string | null;
  confidence: string;
}

export function windowRows(policy: Policy, currentYear: number): WindowRow[] {
  return policy.windows.flatMap((window) => expand(policy.id, window, currentYear));
}

function expand(policyId: string, window: WindowDefinition, currentYear: number): WindowRow[] {
  const base = { policyId, note: window.note ?? null, confidence: window.confidence };
  if (window.kind === 'rolling')
    return [{ ...base, windowKey: window.id, opensOn: null, closesOn: null, rolling: true }];
  if (window.kind === 'fixed') {
    return [{ ...base, windowKey: window.id, opensOn: window.opens, closesOn: window.closes, rolling: false }];
  }
  const last = window.to_year ?? Math.max(window.from_year, currentYear + 2);
  const rows: WindowRow[] = [];
  for (let year = window.from_year; year <= last; year += 1) {
    rows.push({
      ...base,
      windowKey: `${window.id}:${year}`,
      opensOn: `${year}-${window.opens}`,
      closesOn: `${year}-${window.closes}`,
      rolling: false,
    });
  }
  return rows;
}
