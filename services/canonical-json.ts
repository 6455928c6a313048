/**
 * JSON with object keys in sorted order (undefined members dropped), so two
 * values that differ only in key order give the same text: for comparing
 * content with its stored copy, and for keying cached checks (every
 * eligibility request, hence plain loops rather than entries/filter/map).
 */
export function canonicalJson(value: unknown): string {
  return encode(value) ?? 'null';
}

/** undefined where JSON has no text for the value (undefined, a function), as JSON.stringify. */
function encode(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    let text = '[';
    // As in JSON, an array slot without a JSON form is null.
    for (let i = 0; i < value.length; i += 1) text += (i > 0 ? ',' : '') + (encode(value[i]) ?? 'null');
    return `${text}]`;
  }
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    // The default sort compares UTF-16 code units: the order `<` gives strings.
    const keys = Object.keys(object).sort();
    let text = '{';
    for (const key of keys) {
      const member = encode(object[key]);
      if (member === undefined) continue;
      text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${member}`;
    }
    return `${text}}`;
  }
  return JSON.stringify(value) as string | undefined;
}
