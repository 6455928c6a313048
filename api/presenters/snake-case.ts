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

/**
 * JSON.stringify(snakeKeys(value)) without the intermediate copy: written on
 * every uncached check (ladder, benefit estimate).
 */
export function snakeJson(value: object): string {
  return encodeSnake(value) ?? 'null';
}

/** undefined where JSON has no text for the value (undefined, a function), as JSON.stringify. */
function encodeSnake(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i += 1) text += (i > 0 ? ',' : '') + (encodeSnake(value[i]) ?? 'null');
    return `${text}]`;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    let text = '{';
    for (const key of Object.keys(object)) {
      const member = encodeSnake(object[key]);
      if (member === undefined) continue;
      text += `${text.length > 1 ? ',' : ''}${snakeName(key)}:${member}`;
    }
    return `${text}}`;
  }
  return JSON.stringify(value) as string | undefined;
}
