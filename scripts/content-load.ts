/**
 * `npm run content:load [-- --dry-run] [--dir content]`: loads content/ into
 * the configured database as one content release, in one transaction, with
 * progress and a summary. A broken file aborts with every error; nothing is
 * written then.
 */
import 'reflect-metadata';
import path from 'node:path';
import { readCatalogue } from '../catalogue/read-content';
import { ConfigError, loadConfig } from '../config/config';
import { DatabaseUnavailableError, describeDatabase, openDatabase } from '../db/open-database';
import { ContentError } from '../errors';
import { createServices } from '../services';
import { systemClock } from '../services/clock';
import { formatSummary } from '../services/content-release-service';
import { silentLogger } from '../logging/logger';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const dirFlag = args.indexOf('--dir');
  const config = loadConfig(process.env);
  const contentDir = path.resolve(dirFlag >= 0 && args[dirFlag + 1] ? args[dirFlag + 1]! : config.CONTENT_DIR);
  const dataSource = await openDatabase(config);
  try {
    const services = createServices({ dataSource, config, logger: silentLogger(), clock: systemClock, readCatalogue });
    console.log(
      `loading ${contentDir} into ${describeDatabase(config)}${dryRun ? ' (dry run: nothing is written)' : ''}`,
    );
    const result = await services.content.load(contentDir, {
      dryRun,
      actor: 'cli',
      onProgress: (line) => console.log(`  … ${line}`),
    });
    const release = result.releaseId ? ` as release #${result.releaseId}` : '';
    console.log(`${result.status}${release} (hash ${result.hash.slice(0, 12)}): ${formatSummary(result.diff.summary)}`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ContentError) {
    console.error(`content:load aborted, the database is unchanged. ${error.details.length} problem(s):`);
    for (const detail of error.details) console.error(`  ${detail.path} — ${detail.reason}`);
  } else if (error instanceof ConfigError || error instanceof DatabaseUnavailableError) {
    console.error(`content:load: ${error.message}`);
  } else {
    console.error('content:load failed:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
