/**
 * What a (simplified) message asks for. Commands are matched whole, after
 * spaces and punctuation are removed, so an answer that merely contains a
 * command word ("不知道具体数字") is not mistaken for one.
 */
import { COMMANDS, INCUBATOR_FILLER, INCUBATOR_NOUNS, LOOKING_FOR, PREFIXES, WHAT_FITS_ME } from '../messages';

export type Intent =
  | { kind: keyof typeof COMMANDS }
  | { kind: 'topic'; topic: string }
  | { kind: 'subscribe'; words: string }
  | { kind: 'unsubscribeFrom'; words: string }
  | { kind: 'edit'; words: string }
  | { kind: 'incubators'; words: string }
  | { kind: 'other' };

/** Spaces and punctuation, which never change what a command says. */
const SEPARATORS = /[\s，。！？!?,.;；：:、“”"'‘’~～…]+/g;

export function normalizeCommand(said: string): string {
  return said.normalize('NFKC').toLowerCase().replace(SEPARATORS, '');
}

function stripPrefix(value: string, prefixes: readonly string[]): string | null {
  const prefix = prefixes.find((candidate) => value.startsWith(candidate));
  return prefix === undefined ? null : value.slice(prefix.length);
}

export function classify(said: string): Intent {
  const trimmed = said.trim();
  if (/^[?？]+$/.test(trimmed)) return { kind: 'help' };
  const value = normalizeCommand(trimmed);
  for (const kind of Object.keys(COMMANDS) as (keyof typeof COMMANDS)[]) {
    if ((COMMANDS[kind] as readonly string[]).includes(value)) return { kind };
  }
  const afterUnsubscribe = stripPrefix(value, PREFIXES.unsubscribe);
  if (afterUnsubscribe) return { kind: 'unsubscribeFrom', words: afterUnsubscribe };
  // Free words after these commands keep their spaces: "推荐孵化器 浦东 人工智能".
  const afterSubscribe = stripPrefix(value, PREFIXES.subscribe);
  if (afterSubscribe !== null) return { kind: 'subscribe', words: afterSubscribe };
  const afterEdit = stripPrefix(value, PREFIXES.edit);
  if (afterEdit !== null) return { kind: 'edit', words: afterEdit };
  const afterIncubators = stripPrefix(value, PREFIXES.incubators);
  if (afterIncubators !== null) {
    const prefix = PREFIXES.incubators.find((candidate) => trimmed.includes(candidate));
    return {
      kind: 'incubators',
      words: prefix ? trimmed.slice(trimmed.indexOf(prefix) + prefix.length).trim() : afterIncubators,
    };
  }
  const topicAfter = stripPrefix(value, PREFIXES.topicBefore);
  if (topicAfter) return { kind: 'topic', topic: topicAfter };
  const suffix = PREFIXES.topicAfter.find((candidate) => value.endsWith(candidate) && value.length > candidate.length);
  if (suffix) return { kind: 'topic', topic: value.slice(0, -suffix.length) };
  return inOwnWords(trimmed, value);
}

/** The same requests in a founder's own words: "我能申请哪些补贴", "帮我找个徐汇的孵化器". */
function inOwnWords(trimmed: string, value: string): Intent {
  if (INCUBATOR_NOUNS.test(value) && LOOKING_FOR.test(value)) {
    // What is left once the filler is gone names the district or industry (or is reported unread).
    const words = trimmed.replace(INCUBATOR_FILLER, ' ').replace(SEPARATORS, ' ').trim();
    return { kind: 'incubators', words };
  }
  if (WHAT_FITS_ME.some((pattern) => pattern.test(value))) return { kind: 'start' };
  return { kind: 'other' };
}
