/**
 * Column helpers that behave the same on SQLite and MySQL/MariaDB.
 *
 * Why: dates are stored as ISO `YYYY-MM-DD` strings (time zone Asia/Shanghai is
 * implied) so that comparisons are plain string comparisons on both databases;
 * timestamps are `datetime` in UTC; JSON goes into `text` via simple-json.
 */
import { Column, ColumnOptions } from 'typeorm';

export const IsoDateColumn = (options: ColumnOptions = {}): PropertyDecorator =>
  Column({ type: 'varchar', length: 10, ...options });

export const IdColumn = (options: ColumnOptions = {}): PropertyDecorator =>
  Column({ type: 'varchar', length: 64, ...options });

export const JsonColumn = (options: ColumnOptions = {}): PropertyDecorator =>
  Column({ type: 'simple-json', ...options });

export const TimestampColumn = (options: ColumnOptions = {}): PropertyDecorator =>
  Column({ type: 'datetime', ...options });
