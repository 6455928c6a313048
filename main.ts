/**
 * `npm start`: the API and the reminder scheduler on the configured database
 * (embedded SQLite by default), and the WeChat bot when a puppet is configured.
 * This is the only file that reads process.env for the running service.
 */
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config';
import { DatabaseUnavailableError } from './db/open-database';
import { createLogger } from './logging/logger';
import { loggableError } from './logging/loggable-error';
import { composeApplication } from './app/compose';
import { ContentError } from './errors';
import { StartupError } from './app/startup-error';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  const application = await composeApplication(config, logger);
  const address = await application.listen();
  logger.info({ address }, `founder-guide API listening on ${address}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing requests and the reminder message in flight');
    try {
      await application.stop();
      process.exit(0);
    } catch (error) {
      logger.error({ err: loggableError(error) }, 'stopping failed');
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // One clear line, no stack-trace spam, for the failures an operator can fix.
  if (error instanceof ConfigError) console.error(`founder-guide: configuration error: ${error.message}`);
  else if (error instanceof DatabaseUnavailableError || error instanceof StartupError)
    console.error(`founder-guide: ${error.message}`);
  else if (error instanceof ContentError)
    console.error(
      `founder-guide: content is broken:\n${error.details.map((d) => `  ${d.path} — ${d.reason}`).join('\n')}`,
    );
  // Not one an operator can fix by configuration: the stack is for whoever reports it.
  else console.error('founder-guide: failed to start:', error);
  process.exit(1);
});
