/**
 * `npm run reminders:run -- --at 2026-05-20T09:00+08:00 [--dry-run]`: the
 * reminder plan for one moment, with progress and a summary. It takes the same
 * database lease as the service, so it never runs beside a replica's plan.
 * Exit codes: 0 done, 1 failed, 2 bad arguments, 3 busy (another runner
 * holds the lease: the output says which, and until when).
 *
 * It stops with its parent: run through npm and tsx, this process is a child,
 * and a parent killed with SIGKILL would otherwise leave it sending.
 */
import 'reflect-metadata';
import { CliArgsError, parseCliArgs, USAGE } from '../reminders/cli-args';
import { whenOrphaned } from './support/parent-watch';

async function main(): Promise<number> {
  let args;
  try {
    args = parseCliArgs(process.argv.slice(2), () => new Date());
  } catch (error) {
    if (!(error instanceof CliArgsError)) throw error;
    console.error(`reminders:run: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  // Loaded only after the arguments are fine, so a typo answers at once.
  const { loadConfig } = await import('../config/config');
  const { createLogger } = await import('../logging/logger');
  const { composeServices } = await import('../app/compose-services');
  const { fixedClock, systemClock } = await import('../services/clock');
  const { createReminders } = await import('../reminders');
  const { channelLines, runHeader, summaryLines } = await import('../reminders/run-report');
  const { redisClient, redisReady } = await import('../app/redis');
  const { redisTokenStore } = await import('../reminders/redis-access-tokens');

  const config = loadConfig(process.env);
  // Progress goes to stdout; logs (JSON) to stderr, so the two never interleave on one stream.
  const logger = createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn', process.stderr);
  const clock = fixedClock(args.at);
  console.log(runHeader(args.at, args.dryRun));
  if (args.atDefaulted) console.log('  (no --at given: planning for now)');
  const { dataSource, services } = await composeServices(config, logger, clock);
  // With REDIS_URL, the service's WeChat access token: a token of its own would end the service's.
  const redis = config.REDIS_URL ? redisClient(config.REDIS_URL) : undefined;
  if (redis) await redisReady(redis, 2000);
  const tokenStore = redis ? redisTokenStore(redis, config, logger) : undefined;
  try {
    const reminders = createReminders({
      dataSource,
      config,
      logger,
      clock,
      leaseClock: systemClock,
      services,
      ...(tokenStore ? { tokenStore } : {}),
    });
    for (const line of channelLines(
      reminders.channels.map((c) => c.name),
      reminders.unavailable,
    ))
      console.log(line);
    const orphaned = whenOrphaned(() => {
      console.error('reminders:run: the parent process is gone; stopping after the message in flight');
      void reminders.runner.stop();
    });
    try {
      const summary = await reminders.runner.run({
        dryRun: args.dryRun,
        progress: (line) => console.log(`  ${line}`),
      });
      for (const line of summaryLines(summary)) console.log(line);
      if (summary.status === 'busy') return 3;
      return orphaned.fired() ? 1 : 0;
    } finally {
      orphaned.cancel();
    }
  } finally {
    redis?.disconnect();
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`reminders:run failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
