/**
 * The whole configuration, read once at start from environment variables
 * (documented in .env.example) and validated. Nothing else reads process.env:
 * the composition root passes `process.env` to `loadConfig`.
 */
import { validate as isCronExpression } from 'node-cron';
import { z } from 'zod';

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`${variable}: ${reason}`);
    this.name = 'ConfigError';
  }
}

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Reminder offsets: windows are planned at most a year ahead, and a reminder 0 days before is too late. */
export const MAX_REMINDER_OFFSET_DAYS = 365;

const offsets = z
  .string()
  .regex(/^\d+(,\d+)*$/, 'a comma-separated list of whole days, e.g. 30,7,1')
  .transform((value) => [...new Set(value.split(',').map(Number))].sort((a, b) => b - a))
  .refine(
    (days) => days.every((day) => day >= 1 && day <= MAX_REMINDER_OFFSET_DAYS),
    `each offset between 1 and ${MAX_REMINDER_OFFSET_DAYS} days, e.g. 30,7,1`,
  );

// Checked at start: node-cron would otherwise refuse it only when the scheduler starts, with a stack.
const cronExpression = z
  .string()
  .refine((value) => isCronExpression(value), 'a cron expression (minute hour day month weekday), e.g. 0 9 * * *');

const clock = /^([01]\d|2[0-3]):[0-5]\d$/;
const quietHours = z
  .string()
  .regex(/^\d\d:\d\d-\d\d:\d\d$/, 'HH:MM-HH:MM, e.g. 22:00-08:00')
  .refine((value) => value.split('-').every((part) => clock.test(part)), 'hours 00–23, minutes 00–59')
  .transform((value) => {
    const [start, end] = value.split('-') as [string, string];
    return { start, end };
  });

const databaseUrl = z
  .string()
  .refine((value) => /^(mysql|mariadb):\/\/[^/]+\/[^/?]+/.test(value), 'mysql://user[:password]@host[:port]/database');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: databaseUrl.optional(),
  SQLITE_PATH: z.string().min(1).default('data/founder-guide.sqlite'),
  // NORMAL (WAL): survives a crash of this process; an OS crash or power cut may undo the last commits.
  // FULL also survives those, for an fsync on every commit (~0.4 ms each on the dev machines).
  SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  // How long SQLite waits for another process's write lock before the request gets 503. The wait
  // blocks the event loop (better-sqlite3 is synchronous): keep it short.
  SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  // MySQL/MariaDB: connecting, and each statement, give up after this (then 503, never a hang).
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
  DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  // GET /health's own limit for asking the database.
  HEALTH_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
  CONTENT_DIR: z.string().min(1).default('content'),
  SESSION_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  ADMIN_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  API_BODY_LIMIT_KB: z.coerce.number().int().min(1).max(10240).default(64),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  // Reverse proxies in front of the API whose X-Forwarded-For is believed; 0 = none (the
  // client's own address is used, and a forged header changes nothing).
  TRUST_PROXY: z.coerce.number().int().min(0).max(5).default(0),
  // Eligibility checks remembered per content release (an LRU; 0 turns it off). ~40 KB each once read in full.
  // Also the number of replies the API keeps for byte-identical check bodies (api/reply-memo.ts).
  ELIGIBILITY_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100_000).default(500),
  WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
  WECHAT_APPID: z.string().min(1).optional(),
  WECHAT_SECRET: z.string().min(1).optional(),
  WECHAT_TEMPLATE_ID: z.string().min(1).optional(),
  WECHAT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  MINIPROGRAM_PAGE: z.string().min(1).default('pages/policy/detail'),
  // Long-term subscribeMessage (some government-service mini-programs): no one-message-per-acceptance budget.
  MINIPROGRAM_LONG_TERM_SUBSCRIPTIONS: booleanFlag.default(false),
  // The Official Account's message callback (/wechat/official-account): on when the token and AppId are set.
  WECHAT_OA_TOKEN: z.string().min(3).max(32).optional(),
  WECHAT_OA_APPID: z.string().min(1).optional(),
  WECHAT_OA_SECRET: z.string().min(1).optional(),
  WECHAT_OA_AES_KEY: z
    .string()
    .regex(/^[A-Za-z0-9]{43}$/, 'EncodingAESKey is 43 letters and digits')
    .optional(),
  // 0: never a passive reply; every reply goes as customer-service messages.
  WECHAT_OA_REPLY_BUDGET_MS: z.coerce.number().int().min(0).max(4500).default(4000),
  // Redis shared by the API replicas (rate limits); unset: each process counts on its own.
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'a redis:// or rediss:// URL')
    .optional(),
  REDIS_KEY_PREFIX: z.string().min(1).max(64).default('founder-guide'),
  // GET /metrics (Prometheus) answers only with `Authorization: Bearer <METRICS_TOKEN>`; unset: no /metrics.
  METRICS_TOKEN: z.string().min(16).optional(),
  // WeCom customer service (微信客服) callback (/wecom/kf): on when all four are set.
  WECOM_API_BASE: z.string().url().default('https://qyapi.weixin.qq.com'),
  WECOM_CORP_ID: z.string().min(1).optional(),
  WECOM_KF_SECRET: z.string().min(1).optional(),
  WECOM_TOKEN: z.string().min(1).max(32).optional(),
  WECOM_AES_KEY: z
    .string()
    .regex(/^[A-Za-z0-9]{43}$/, 'EncodingAESKey is 43 letters and digits')
    .optional(),
  WECHATY_PUPPET: z.string().min(1).optional(),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().min(1).optional(),
  WECHATY_NAME: z.string().min(1).default('founder-guide'),
  BOT_ACCEPT_FRIENDS: booleanFlag.default(false),
  BOT_MIN_INTERVAL_PER_CONTACT_MS: z.coerce.number().int().min(0).default(1500),
  BOT_MIN_INTERVAL_GLOBAL_MS: z.coerce.number().int().min(0).default(400),
  REMINDERS_ENABLED: booleanFlag.default(true),
  REMINDER_CRON: cronExpression.default('0 9 * * *'),
  REMINDER_OFFSETS: offsets.default([30, 7, 1]),
  REMINDER_QUIET_HOURS: quietHours.default({ start: '22:00', end: '08:00' }),
  REMINDER_MAX_PER_DAY: z.coerce.number().int().min(1).default(3),
  REMINDER_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  // Messages in flight at once: 1 = a killed process repeats nothing it finished; N may repeat up to N-1.
  REMINDER_SEND_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(1),
  // How long a reminder runner's database lease lasts unless renewed: a killed runner's work is
  // taken over this long after it died. Renewed every third of it, so keep it well above one send.
  REMINDER_LEASE_TTL_MS: z.coerce.number().int().min(1000).max(3_600_000).default(120_000),
  PUBLIC_BASE_URL: z.string().url().default('http://localhost:3000'),
});

export type Config = z.infer<typeof schema>;

/** Every variable the service reads (.env.example documents each one). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

/** Validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  // Empty strings mean "not set", as in most .env tooling.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(present);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const config = result.data;
  if ((config.WECHAT_APPID === undefined) !== (config.WECHAT_SECRET === undefined)) {
    throw new ConfigError('WECHAT_SECRET', 'WECHAT_APPID and WECHAT_SECRET must be set together');
  }
  // The lease is renewed between messages: one send (a token fetch, the send, one retry on an
  // expired token) must fit in it, or another replica takes over and sends that message again.
  if (config.REMINDER_LEASE_TTL_MS < 3 * config.WECHAT_TIMEOUT_MS) {
    throw new ConfigError(
      'REMINDER_LEASE_TTL_MS',
      `at least 3 × WECHAT_TIMEOUT_MS (${3 * config.WECHAT_TIMEOUT_MS} ms), so one reminder send fits in the lease`,
    );
  }
  return config;
}
