/**
 * JSON logs (pino). Only internal ids may appear: openid, unionid, contact ids,
 * answers, tokens and message text are redacted wherever they sneak in.
 */
import pino, { Logger } from 'pino';

export type { Logger };

const REDACT = [
  'openid',
  'unionid',
  'session_key',
  'answers',
  'text',
  'token',
  'authorization',
  '*.openid',
  '*.unionid',
  '*.session_key',
  '*.answers',
  '*.text',
  '*.token',
  '*.authorization',
  'req.headers.authorization',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { app: 'founder-guide' }, redact: { paths: REDACT, censor: '[redacted]' } }, destination);
}

/** A logger that writes nothing, for tests and benchmarks. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
