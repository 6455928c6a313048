/**
 * `npm run chat` as a founder would pipe into it: a real process on a temp
 * SQLite file, one message per line, replies on stdout, exit code 0 at the
 * end of the input.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

function runChat(
  input: string,
  args: string[],
  sqlitePath: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, SQLITE_PATH: sqlitePath, LOG_LEVEL: 'warn', NODE_ENV: 'test' };
    delete env.DATABASE_URL;
    delete env.WECHATY_PUPPET;
    const child = spawn(
      process.execPath,
      [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/chat.ts', ...args],
      {
        cwd: root,
        env,
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('npm run chat with piped input', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'founder-guide-chat-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers each line on stdout and exits 0 at the end of the input', async () => {
    const result = await runChat('帮助\n\n開始測評\n是\n', ['--user', 'alice'], path.join(dir, 'chat.sqlite'));
    expect(result.stderr).not.toMatch(/failed|error/i);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('开始测评');
    expect(result.stdout).toContain('第 1 題');
    expect(result.stdout).toContain('第 2 題');
  }, 120_000);

  it('remembers the terminal user across runs on the same database', async () => {
    const sqlite = path.join(dir, 'resume.sqlite');
    await runChat('开始测评\n是\n', ['--user', 'bob'], sqlite);
    const again = await runChat('开始测评\n', ['--user=bob'], sqlite);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('第 2 题');
    const other = await runChat('我的资料\n', [], sqlite);
    expect(other.stdout).toContain('还没有回答');
  }, 120_000);

  it('understands the sentences of issue 18 as a new user pipes them in', async () => {
    const input = [
      '开始测评',
      '我们公司2023年3月在上海注册的，现在80个人，去年营收6000万，研发投入占营收4.5%，有1项发明专利',
      '我的资料',
      '修改 研发费用占比',
      '0.045',
      '是',
      '提醒我 创新券',
      'Hello, can you help?',
    ].join('\n');
    const result = await runChat(`${input}\n`, ['--user', 'carol'], path.join(dir, 'sentences.sqlite'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('记下了：');
    expect(result.stdout).toContain('职工人数：80人');
    expect(result.stdout).toContain('0.045 是指 4.5% 吗');
    expect(result.stdout).toContain('没有为它订阅');
    expect(result.stdout).toContain('I work in Chinese');
    expect(result.stdout).not.toContain('没看懂');
  }, 120_000);
});
