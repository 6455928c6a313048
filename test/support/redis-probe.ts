/**
 * For tests that need a real Redis (REDIS_TEST_URL, default 127.0.0.1:6379 as
 * on the CI machines): whether one answers, decided before the tests are
 * declared, and a `describe` that skips them with the reason when none does.
 */
import { spawnSync } from 'node:child_process';

export const REDIS_TEST_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';

/** Whether Redis answers PING at `url` (a child process makes it synchronous). */
export function redisAnswers(url: string): boolean {
  const { hostname, port } = new URL(url);
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const s = require('net').connect(${Number(port) || 6379}, ${JSON.stringify(hostname)});
       s.setTimeout(1000); s.on('connect', () => { s.write('PING\\r\\n'); });
       s.on('data', (d) => process.exit(String(d).startsWith('+PONG') ? 0 : 1));
       s.on('error', () => process.exit(1)); s.on('timeout', () => process.exit(1));`,
    ],
    { timeout: 5000 },
  );
  return probe.status === 0;
}

/** `describe` when Redis answers at REDIS_TEST_URL, else a skip that says so. */
export function describeIfRedis(what: string): jest.Describe {
  if (redisAnswers(REDIS_TEST_URL)) return describe;
  console.log(`${what}: skipped, no Redis answers at ${REDIS_TEST_URL}`);
  return describe.skip;
}
