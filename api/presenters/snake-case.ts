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
