/**
 * The data source for the TypeORM CLI (`npm run db:generate`). The
 * application builds its own in the composition root (main.ts) from the
 * validated config; both use db/data-source-options.ts.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './config/config';
import { dataSourceOptions } from './db/data-source-options';

export default new DataSource(dataSourceOptions(loadConfig(process.env)));
