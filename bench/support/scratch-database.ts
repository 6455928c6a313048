/**
 * A scratch MySQL/MariaDB database beside the one DATABASE_URL names, so a
 * benchmark never touches the tests' database: `<database>_<suffix>`.
 */
import { execFileSync } from 'node:child_process';

function mysql(databaseUrl: string, sql: string): void {
  const url = new URL(databaseUrl);
  const args = [
    '--protocol=tcp',
    `-h${url.hostname}`,
    `-P${url.port || '3306'}`,
    `-u${decodeURIComponent(url.username)}`,
  ];
  if (url.password) args.push(`-p${decodeURIComponent(url.password)}`);
  execFileSync('mysql', [...args, '-e', sql]);
}

export function scratchDatabaseName(databaseUrl: string, suffix: string): string {
  return `${new URL(databaseUrl).pathname.slice(1)}_${suffix}`;
}

/** Drops and creates the scratch database; returns its name. */
export function recreateScratchDatabase(databaseUrl: string, suffix: string): string {
  const name = scratchDatabaseName(databaseUrl, suffix);
  mysql(databaseUrl, `DROP DATABASE IF EXISTS \`${name}\`; CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  return name;
}

export function dropScratchDatabase(databaseUrl: string, suffix: string): void {
  mysql(databaseUrl, `DROP DATABASE IF EXISTS \`${scratchDatabaseName(databaseUrl, suffix)}\``);
}
