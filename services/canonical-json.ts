/**
 * JSON with object keys in sorted order (undefined members dropped), so two
 * values that differ only in key order give the same text: for comparing
 * content with its stored copy, and for keying cached checks (every
 * eligibility request, hence plain loops rather than entries/filter/map).
 */
export function canonicalJson(value: unknown): string {
  return encodeCanonical(value) ?? 'null';
}

/** How a JSON encoder writes objects: which members in which order, under which names. */
export interface JsonMembers {
  keys(object: Record<string, unknown>): string[];
  /** The member's name as JSON text, quotes included. */
  name(key: string): string;
  /** A Date as its ISO text (as JSON.stringify does), or as the empty object its own members make. */
  datesAsText: boolean;
}

/**
 * A JSON.stringify that writes members its own way (also used for the API's
 * snake_case replies); undefined where JSON has no text for the value
 * (undefined, a function), as JSON.stringify.
 */
export function jsonEncoder(members: JsonMembers): (value: unknown) => string | undefined {
  const encode = (value: unknown): string | undefined => {
    if (Array.isArray(value)) {
      let text = '[';
      // As in JSON, an array slot without a JSON form is null.
      for (let i = 0; i < value.length; i += 1) text += (i > 0 ? ',' : '') + (encode(value[i]) ?? 'null');
      return `${text}]`;
    }
    if (members.datesAsText && value instanceof Date) return JSON.stringify(value.toISOString());
    if (value && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      let text = '{';
      for (const key of members.keys(object)) {
        const member = encode(object[key]);
        if (member === undefined) continue;
        text += `${text.length > 1 ? ',' : ''}${members.name(key)}:${member}`;
      }
      return `${text}}`;
    }
    return JSON.stringify(value) as string | undefined;
  };
  return encode;
}

const encodeCanonical = jsonEncoder({
  // The default sort compares UTF-16 code units: the order `<` gives strings.
  keys: (object) => Object.keys(object).sort(),
  name: (key) => JSON.stringify(key),
  // Kept as it was: content hashes stored earlier were made this way.
  datesAsText: false,
});
