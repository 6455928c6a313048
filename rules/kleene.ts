/**
 * Three-valued (Kleene) logic: `unknown` means "not answered yet", so a
 * conjunction with one false member is false whatever the unknowns turn out
 * to be, and a disjunction with one true member is true.
 */
import type { Truth } from './results';

export function and(values: Iterable<Truth>): Truth {
  let result: Truth = 'met';
  for (const value of values) {
    if (value === 'not_met') return 'not_met';
    if (value === 'unknown') result = 'unknown';
  }
  return result;
}

export function or(values: Iterable<Truth>): Truth {
  let result: Truth = 'not_met';
  for (const value of values) {
    if (value === 'met') return 'met';
    if (value === 'unknown') result = 'unknown';
  }
  return result;
}

export function not(value: Truth): Truth {
  if (value === 'unknown') return value;
  return value === 'met' ? 'not_met' : 'met';
}

export function fromBoolean(value: boolean): Truth {
  return value ? 'met' : 'not_met';
}
