/**
 * Traditional-Chinese input is converted to simplified before any parsing
 * (commands, answers and content are all simplified), and replies go back in
 * the script the founder wrote: Taiwan or Hong Kong traditional.
 */
import * as OpenCC from 'opencc-js';

export type Script = 'cn' | 'tw' | 'hk';

// Built once: each converter loads its dictionaries when created.
const toCn = OpenCC.Converter({ from: 'hk', to: 'cn' });
const cnToTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
const cnToHk = OpenCC.Converter({ from: 'cn', to: 'hk' });

export interface ReadText {
  simplified: string;
  /** null when the text shows no script (digits, "ok", or characters shared by both). */
  script: Script | null;
}

export function readScript(text: string): ReadText {
  const simplified = toCn(text);
  if (simplified === text) {
    // Shared characters only: simplified if it reads differently in traditional.
    return { simplified, script: cnToTw(text) !== text ? 'cn' : null };
  }
  const hongKong = cnToHk(simplified) === text && cnToTw(simplified) !== text;
  return { simplified, script: hongKong ? 'hk' : 'tw' };
}

export function writeScript(text: string, script: Script): string {
  if (script === 'tw') return cnToTw(text);
  if (script === 'hk') return cnToHk(text);
  return text;
}
