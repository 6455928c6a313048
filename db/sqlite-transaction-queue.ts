/**
 * SQLite gives a process one connection, and TypeORM does not queue
 * transactions on it: a second transaction begun while one is open fails with
 * "cannot start a transaction within a transaction" (two founders' requests,
 * two reminder workers, anything run with Promise.all). This queues them, one
 * after another, for the data sources that openDatabase hands out.
 *
 * A transaction begun from inside another one is not queued (it would wait for
 * itself forever): SQLite refuses it at once, as it always has.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

export function queueSqliteTransactions(dataSource: DataSource): void {
  const manager = dataSource.manager;
  const begin = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  const insideQueuedTransaction = new AsyncLocalStorage<true>();
  let tail: Promise<unknown> = Promise.resolve();
  const queued = (...args: unknown[]): Promise<unknown> => {
    if (insideQueuedTransaction.getStore()) return begin(...args);
    const run = tail.then(() => insideQueuedTransaction.run(true, () => begin(...args)));
    tail = run.catch(() => undefined);
    return run;
  };
  // DataSource.transaction delegates to its manager's, so this covers both.
  manager.transaction = queued as EntityManager['transaction'];
}
