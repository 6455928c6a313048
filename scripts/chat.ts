/**
 * `npm run chat [-- --user NAME]`: talk to founder-guide in the terminal, with
 * the same dialogue engine and database as the WeChat bot. One message per
 * line; replies on stdout (logs on stderr); piped input works and the chat
 * ends with exit code 0 at the end of the input.
 */
import 'reflect-metadata';
import pino from 'pino';
import { composeServices } from '../app/compose-services';
import { createDialogueService } from '../bot/dialogue';
import { runTerminalChat } from '../bot/terminal-chat';
import { ConfigError, loadConfig } from '../config/config';
import { DatabaseUnavailableError } from '../db/open-database';
import { ContentError } from '../errors';
import { createLogger } from '../logging/logger';

function userFromArgs(args: string[]): string {
  const flag = args.indexOf('--user');
  const inline = args.find((arg) => arg.startsWith('--user='));
  const user = inline ? inline.slice('--user='.length) : flag >= 0 ? args[flag + 1] : undefined;
  return user && user.trim().length > 0 ? user.trim() : 'terminal';
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  // stdout is the conversation: logs go to stderr, and only warnings by default.
  const level = config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL;
  const logger = createLogger(level, pino.destination(2));
  const { dataSource, services } = await composeServices(config, logger);
  try {
    const dialogue = createDialogueService(services, logger);
    await runTerminalChat({
      input: process.stdin,
      output: process.stdout,
      dialogue,
      user: userFromArgs(process.argv.slice(2)),
      prompt: process.stdin.isTTY === true,
    });
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof ContentError) {
      console.error(`chat: content is broken:\n${error.details.map((d) => `  ${d.path} — ${d.reason}`).join('\n')}`);
    } else if (error instanceof ConfigError || error instanceof DatabaseUnavailableError) {
      console.error(`chat: ${error.message}`);
    } else {
      console.error('chat failed:', error instanceof Error ? error.message : error);
    }
    process.exit(1);
  },
);
