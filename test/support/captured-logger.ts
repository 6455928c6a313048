/** A real logger (logging/logger.ts, redaction and mixins included) whose JSON lines the test can read. */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../logging/logger';

export interface CapturedLogger {
  logger: Logger;
  /** Everything written so far, one JSON object per line. */
  text(): string;
  lines(): Record<string, unknown>[];
  clear(): void;
}

export function capturedLogger(level = 'info'): CapturedLogger {
  let text = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return {
    logger: createLogger(level, sink),
    text: () => text,
    lines: () =>
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    clear: () => (text = ''),
  };
}
