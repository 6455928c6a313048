import { execFile } from 'node:child_process';
import path from 'node:path';
import { CliArgsError, parseCliArgs, parseMoment } from '../../reminders/cli-args';
import { summaryLines } from '../../reminders/run-report';
import type { RunSummary } from '../../reminders/runner';
import { emptyCounts } from '../../reminders/sender';

const NOW = new Date('2026-05-20T01:00:00Z');

describe('npm run reminders:run arguments', () => {
  it('read --at with an offset, in UTC, or as Shanghai time when it has none', () => {
    expect(parseMoment('2026-05-20T09:00+08:00')).toEqual(NOW);
    expect(parseMoment('2026-05-20T01:00Z')).toEqual(NOW);
    expect(parseMoment('2026-05-20T09:00')).toEqual(NOW);
    expect(parseMoment('2026-05-20T09:00:00+0800')).toEqual(NOW);
    expect(parseCliArgs(['--at=2026-05-20T09:00', '--dry-run'], () => new Date(0))).toEqual({
      at: NOW,
      atDefaulted: false,
      dryRun: true,
      help: false,
    });
    expect(parseCliArgs([], () => NOW)).toMatchObject({ at: NOW, atDefaulted: true, dryRun: false });
  });

  it.each([
    ['tomorrow'],
    ['2026-02-30T09:00+08:00'],
    ['2026-05-20T24:00+08:00'],
    ['2026-05-20'],
    ['2026-05-20T09:00+25:00'],
  ])('refuse --at %s with a clear message', (value) => {
    expect(() => parseCliArgs(['--at', value], () => NOW)).toThrow(CliArgsError);
  });

  it('refuse a missing --at value and unknown flags', () => {
    expect(() => parseCliArgs(['--at'], () => NOW)).toThrow('--at needs a moment');
    expect(() => parseCliArgs(['--send-everything'], () => NOW)).toThrow('unknown argument "--send-everything"');
  });

  it('exit with code 2 and the usage on a bad --at, before touching the database', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', path.join(__dirname, '../../scripts/reminders-run.ts'), '--at', '2026-13-01T09:00'],
        {
          cwd: path.join(__dirname, '../..'),
          env: { PATH: process.env.PATH ?? '', SQLITE_PATH: '/nonexistent/never-opened.sqlite' },
        },
        (error, _stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stderr }),
      );
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--at: 2026-13-01 is not a date');
    expect(result.stderr).toContain('usage: npm run reminders:run');
  }, 30_000);
});

describe('the reminders:run summary', () => {
  const base: RunSummary = {
    at: NOW,
    status: 'done',
    plan: { windows: 2, subscribed: 5, candidates: 4, fitting: 3, followUps: 1 },
    planned: 9,
    send: { ...emptyCounts(), messages: 6, sent: 8, skipped: 1, failed: 2, gaveUp: 1 },
    overdue: 0,
  };

  it('shows planned / sent / skipped / failed', () => {
    const text = summaryLines(base).join('\n');
    expect(text).toMatch(/planned\s+9 \(2 window\(s\) due; subscribed 5, fitting 3 of 4 checked, follow-ups 1\)/);
    expect(text).toMatch(/sent\s+8 in 6 message\(s\)/);
    expect(text).toMatch(/skipped\s+1/);
    expect(text).toMatch(/failed\s+2 \(will retry 1, gave up 1\)/);
  });

  it('says what a dry run would send and that nothing was written', () => {
    const text = summaryLines({ ...base, status: 'dry_run', due: { wechat: { rows: 8, founders: 6 } } }).join('\n');
    expect(text).toContain('rolled back');
    expect(text).toMatch(/due now\s+wechat: 8 to 6 founder\(s\)/);
    expect(text).toMatch(/sent\s+0 \(dry run\)/);
  });

  it('says so when another replica holds the lease', () => {
    expect(summaryLines({ ...base, status: 'busy' })[0]).toContain('another runner holds the reminders lease');
  });
});
