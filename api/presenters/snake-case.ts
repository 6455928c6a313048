import { jsonEncoder } from '../../services/canonical-json';

/**
 * Deep camelCase → snake_case for engine results whose exact shape the API
 * passes through (ladder, benefit estimate): the HTTP edge is snake_case.
 * Keys that are data (fact names, policy ids) are already snake/kebab case.
 */
export function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([key, v]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snakeKeys(v)]),
    );
  }
  return value;
}

/** camelCase key → snake_case, remembered: the engine's results use a few dozen field names. */
const snakeNames = new Map<string, string>();
const MAX_REMEMBERED_NAMES = 1024;

function snakeName(key: string): string {
  let name = snakeNames.get(key);
  if (name === undefined) {
    name = JSON.stringify(key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
    if (snakeNames.size >= MAX_REMEMBERED_NAMES) snakeNames.clear();
    snakeNames.set(key, name);
  }
  return name;
}

const encodeSnake = jsonEncoder({ keys: Object.keys, name: snakeName, datesAsText: true });

/**
 * JSON.stringify(snakeKeys(value)) without the intermediate copy: written on
 * every uncached check (ladder, benefit estimate).
 */
export function snakeJson(value: object): string {
  return encodeSnake(value) ?? 'null';
}
