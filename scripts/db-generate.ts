/**
 * `npm run db:generate -- <Name>`: writes a migration with the difference
 * between the entities and the schema the existing migrations build, for
 * SQLite (always, on a scratch file) and for MySQL/MariaDB (when DATABASE_URL
 * points at a scratch database). Review the generated SQL before committing.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config/config';
import { DatabaseConfig, databaseKind } from '../db/data-source-options';
import { openDatabase } from '../db/open-database';

type Query = { query: string; parameters?: unknown[] };

function render(name: string, timestamp: number, up: Query[], down: Query[]): string {
  const lines = (queries: Query[]) =>
    queries
      .map(
        (q) =>
          `    await queryRunner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`,
      )
      .join('\n');
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines([...down].reverse())}
  }
}
`;
}

async function generate(config: DatabaseConfig, name: string, timestamp: number): Promise<void> {
  const kind = databaseKind(config);
  const dataSource = await openDatabase(config);
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log(`${kind}: schema is up to date, nothing generated`);
      return;
    }
    const file = path.join(__dirname, '..', 'migrations', kind, `${timestamp}-${name}.ts`);
    fs.writeFileSync(file, render(name, timestamp, sql.upQueries, sql.downQueries));
    console.log(`${kind}: wrote ${path.relative(process.cwd(), file)} (${sql.upQueries.length} statements)`);
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    console.error('usage: npm run db:generate -- <PascalCaseName>');
    process.exit(2);
  }
  const timestamp = Date.now();
  const config = loadConfig(process.env);
  const scratch = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fg-gen-')), 'scratch.sqlite');
  await generate({ SQLITE_PATH: scratch, DATABASE_URL: undefined }, name, timestamp);
  if (config.DATABASE_URL) await generate(config, name, timestamp);
  else console.log('mysql: skipped (set DATABASE_URL to a scratch MariaDB database to generate it too)');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
