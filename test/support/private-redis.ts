/**
 * A redis-server of the test's own, on a free port, without persistence, so
 * the test can stop it mid-test (the shared one at 6379 is everyone's).
 * Needs `redis-server` on PATH.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import { waitUntil } from './wait-until';

export interface PrivateRedis {
  url: string;
  /** Stops it at once (SIGKILL), as a crashed or unreachable Redis. */
  kill(): Promise<void>;
}

export function redisServerInstalled(): boolean {
  return spawnSync('redis-server', ['--version'], { timeout: 5000 }).status === 0;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitUntil(() => (output.includes('Ready to accept connections') ? true : undefined), 'redis-server to start');
  return {
    url: `redis://127.0.0.1:${port}`,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
