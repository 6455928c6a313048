/** `npm run db:migrate`: applies pending migrations to the configured database, then exits. */
import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/config';
import { DatabaseUnavailableError, describeDatabase, openDatabase } from '../db/open-database';
import { migrateExclusively } from '../db/migrate';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const dataSource = await openDatabase(config, { migrate: false });
  try {
    const applied = await migrateExclusively(dataSource);
    console.log(
      applied.length === 0
        ? `${describeDatabase(config)}: schema is up to date`
        : `${describeDatabase(config)}: applied ${applied.map((m) => m.name).join(', ')}`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError)
    console.error(`db:migrate: ${error.message}`);
  else console.error('db:migrate failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
