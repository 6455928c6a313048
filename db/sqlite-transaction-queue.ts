/**
 * SQLite gives a process one connection, and TypeORM does not queue
 * transactions on it: a second transaction begun while one is open fails with
 * "cannot start a transaction within a transaction" (two founders' requests,
 * two reminder workers, anything run with Promise.all). This queues them, one
 * after another, for the data sources that openDatabase hands out.
 *
 * A transaction that waits longer than `maxWaitMs` for its turn fails with
 * QueueWaitTimeoutError, as SQLite itself gives up on a lock after its busy
 * timeout (the API answers 503). That also turns a programming mistake into
 * an error instead of a hang: a transaction begun through the data source
 * from inside another one waits for itself (nested work must use the
 * transaction's own manager).
 *
 * Why not tell nested calls apart with AsyncLocalStorage: on Node 20 it turns
 * on promise hooks for the whole process, which made every request of the
 * API 10–25 % more expensive in CPU (bench:api), to catch a mistake that the
 * timeout reports anyway.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { UnavailableError } from '../errors';

/** As long as SQLite's own busy timeout (db/data-source-options.ts). */
export const DEFAULT_QUEUE_WAIT_MS = 10_000;

/**
 * 503 to a client (an UnavailableError: busy, try again), never a 500. For a
 * developer who sees it in a test: a transaction begun through the data
 * source inside another one waits for itself; use the manager the outer
 * transaction's callback receives.
 */
export class QueueWaitTimeoutError extends UnavailableError {
  constructor(readonly waitedMs: number) {
    super(`服务繁忙，请稍后再试（数据库事务排队 ${waitedMs} ms 仍未轮到）`);
  }
}

export function queueSqliteTransactions(dataSource: DataSource, maxWaitMs = DEFAULT_QUEUE_WAIT_MS): void {
  const manager = dataSource.manager;
  const begin = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  const queued = (...args: unknown[]): Promise<unknown> => {
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const turn = tail.then(() => {
      clearTimeout(timer);
      // Given up on while waiting: its caller already has the error, the next one goes.
      return timedOut ? undefined : begin(...args);
    });
    tail = turn.catch(() => undefined);
    const waitedTooLong = new Promise<never>((_, reject) => {
      // Not unref'd: a CLI whose transaction waits for itself must report it, not exit as if done.
      timer = setTimeout(() => {
        timedOut = true;
        reject(new QueueWaitTimeoutError(maxWaitMs));
      }, maxWaitMs);
    });
    // Once its turn has come, the transaction runs to its end whatever its length.
    return Promise.race([turn, waitedTooLong]);
  };
  // DataSource.transaction delegates to its manager's, so this covers both.
  manager.transaction = queued as EntityManager['transaction'];
}
