/**
 * An API replica as production runs it: `main.ts` in its own Node process
 * (`node --import tsx`, so the pid is the service's own and SIGKILL really
 * kills it), configured by its environment, with its JSON log lines kept.
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { waitUntil } from '../../support/wait-until';

const ROOT = path.resolve(__dirname, '../../..');

export interface Replica {
  name: string;
  child: ChildProcess;
  pid: number;
  /** `http://127.0.0.1:<port>` once it listens. */
  address: string;
  /** Its log lines (stdout, JSON), parsed. */
  lines(): Record<string, unknown>[];
  /** How many log lines contain `text`. */
  count(text: string): number;
  /** Everything it wrote, for a failing test's message. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function startReplica(name: string, env: Record<string, string>): Promise<Replica> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let gone = false;
  void exited.then(() => (gone = true));
  const lines = () =>
    stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const output = () => `--- ${name} stdout ---\n${stdout}\n--- ${name} stderr ---\n${stderr}`;
  const address = await waitUntil(
    () => {
      if (gone) throw new Error(`${name} exited before listening\n${output()}`);
      const listening = lines().find((line) => typeof line.address === 'string');
      return listening?.address as string | undefined;
    },
    `${name} to listen`,
    60_000,
  );
  return {
    name,
    child,
    pid: child.pid!,
    address,
    lines,
    count: (text) => lines().filter((line) => JSON.stringify(line).includes(text)).length,
    output,
    exited,
  };
}
