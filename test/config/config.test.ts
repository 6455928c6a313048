import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../../config/config';

describe('loadConfig', () => {
  it('starts on embedded SQLite with sensible defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.SQLITE_PATH).toBe('data/founder-guide.sqlite');
    expect(config.REMINDER_OFFSETS).toEqual([30, 7, 1]);
    expect(config.REMINDER_QUIET_HOURS).toEqual({ start: '22:00', end: '08:00' });
    expect(config.WECHATY_PUPPET).toBeUndefined();
  });

  it('treats empty strings as unset, as .env files write them', () => {
    expect(loadConfig({ DATABASE_URL: '', ADMIN_TOKEN: '' }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'postgres://localhost/db'],
    ['ADMIN_TOKEN', 'short'],
    ['REMINDER_OFFSETS', '30,seven'],
    ['REMINDER_OFFSETS', '999999999'],
    ['REMINDER_OFFSETS', '30,0'],
    ['REMINDER_CRON', '61 9 * * *'],
    ['REMINDER_CRON', 'every morning'],
    ['TRUST_PROXY', 'yes'],
    ['TRUST_PROXY', '-1'],
    ['REMINDER_QUIET_HOURS', '25:00-08:00'],
    ['BOT_ACCEPT_FRIENDS', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['REMINDER_LEASE_TTL_MS', '500'],
  ])('rejects a bad %s (%s) with an error that names it', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    try {
      loadConfig({ [variable]: value });
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as Error).message).toContain(variable);
    }
  });

  it('has every variable documented in .env.example, and nothing there that is not read', () => {
    const example = fs.readFileSync(path.resolve(__dirname, '../../.env.example'), 'utf8');
    const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
    expect([...documented].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('requires the mini-program app id and secret together', () => {
    expect(() => loadConfig({ WECHAT_APPID: 'wx123' })).toThrow(/WECHAT_APPID and WECHAT_SECRET/);
  });

  it('takes a reminder lease that one send fits in, two minutes unless told', () => {
    expect(loadConfig({}).REMINDER_LEASE_TTL_MS).toBe(120_000);
    expect(loadConfig({ REMINDER_LEASE_TTL_MS: '6000', WECHAT_TIMEOUT_MS: '2000' }).REMINDER_LEASE_TTL_MS).toBe(6000);
    // The default WeChat timeout is 5 s: a 6 s lease could lapse under one slow send.
    expect(() => loadConfig({ REMINDER_LEASE_TTL_MS: '6000' })).toThrow(
      /REMINDER_LEASE_TTL_MS: at least 3 × WECHAT_TIMEOUT_MS/,
    );
  });

  it('trusts no proxy unless told how many there are', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
  });

  it('accepts reminder offsets up to a year and any valid cron expression', () => {
    expect(loadConfig({ REMINDER_OFFSETS: '365,1' }).REMINDER_OFFSETS).toEqual([365, 1]);
    expect(loadConfig({ REMINDER_CRON: '30 8 * * 1-5' }).REMINDER_CRON).toBe('30 8 * * 1-5');
  });

  it('sorts and de-duplicates reminder offsets', () => {
    expect(loadConfig({ REMINDER_OFFSETS: '1,30,7,7' }).REMINDER_OFFSETS).toEqual([30, 7, 1]);
  });

  it('accepts MariaDB and MySQL URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/test' }).DATABASE_URL).toBe(
      'mysql://root@127.0.0.1:3306/test',
    );
    expect(loadConfig({ DATABASE_URL: 'mariadb://u:p@db/fg' }).DATABASE_URL).toBe('mariadb://u:p@db/fg');
  });
});
