/**
 * JSON logs (pino). Only internal ids may appear: openid, unionid, contact ids,
 * answers, tokens and message text are redacted wherever they sneak in.
 * Every line carries the id of the request or reminder run it was written in.
 */
import pino, { Logger } from 'pino';
import { currentLogContext } from './log-context';

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
  return pino(
    {
      level,
      base: { app: 'founder-guide' },
      redact: { paths: REDACT, censor: '[redacted]' },
      // The request id or reminder run id of the work this line belongs to (logging/log-context.ts).
      mixin: currentLogContext,
    },
    destination,
  );
}

/** A logger that writes nothing, for tests and benchmarks. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
