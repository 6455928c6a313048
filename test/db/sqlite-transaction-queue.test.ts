import { DataSource } from 'typeorm';
import { QueueWaitTimeoutError, queueSqliteTransactions } from '../../db/sqlite-transaction-queue';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Waits are limited only where the limit is what is tested (a transaction
 * that can never get its turn): elsewhere a loaded machine may make a waiter
 * wait long, and that must not fail a test about order or rollback.
 */
const PATIENT_MS = 60_000;
const SHORT_MS = 200;

describe('SQLite transaction queue', () => {
  let dataSource: DataSource;

  async function open(waitLimitMs: number): Promise<void> {
    dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
    await dataSource.initialize();
    queueSqliteTransactions(dataSource, waitLimitMs);
    await dataSource.query('CREATE TABLE note (id integer PRIMARY KEY, text varchar)');
  }

  afterEach(() => dataSource.destroy());

  it('runs transactions begun at once one after another, each whole', async () => {
    await open(PATIENT_MS);
    const log: string[] = [];
    await Promise.all(
      [1, 2, 3, 4].map((n) =>
        dataSource.transaction(async (manager) => {
          log.push(`begin ${n}`);
          await tick();
          await manager.query('INSERT INTO note (id, text) VALUES (?, ?)', [n, `note ${n}`]);
          await tick();
          log.push(`end ${n}`);
        }),
      ),
    );
    expect(log).toEqual(['begin 1', 'end 1', 'begin 2', 'end 2', 'begin 3', 'end 3', 'begin 4', 'end 4']);
    expect(await dataSource.query('SELECT COUNT(*) AS n FROM note')).toEqual([{ n: 4 }]);
  });

  it('goes on with the next transaction after one fails, and rolls the failed one back', async () => {
    await open(PATIENT_MS);
    const failing = dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO note (id, text) VALUES (1, ?)', ['lost']);
      throw new Error('boom');
    });
    const next = dataSource.manager.transaction((manager) =>
      manager.query('INSERT INTO note (id, text) VALUES (2, ?)', ['kept']),
    );
    await expect(failing).rejects.toThrow('boom');
    await next;
    expect(await dataSource.query('SELECT text FROM note')).toEqual([{ text: 'kept' }]);
  });

  it('fails a transaction begun through the data source inside another, instead of hanging', async () => {
    // The inner one waits for the outer, which waits for it: only the limit ends it, loaded or not.
    await open(SHORT_MS);
    const outer = dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO note (id, text) VALUES (1, ?)', ['outer']);
      await dataSource.transaction((inner) => inner.query('INSERT INTO note (id, text) VALUES (2, ?)', ['inner']));
    });
    await expect(outer).rejects.toBeInstanceOf(QueueWaitTimeoutError);
    await expect(outer).rejects.toMatchObject({ waitedMs: SHORT_MS, code: 'unavailable' });
    // Both rolled back, and the queue still serves the next caller.
    await dataSource.transaction((manager) => manager.query('INSERT INTO note (id, text) VALUES (3, ?)', ['after']));
    expect(await dataSource.query('SELECT id FROM note')).toEqual([{ id: 3 }]);
  });

  it('lets a transaction that has its turn run longer than the wait limit', async () => {
    // Nobody waits here: the limit applies to waiting for a turn, never to the turn itself.
    await open(SHORT_MS);
    await dataSource.transaction(async (manager) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await manager.query('INSERT INTO note (id, text) VALUES (1, ?)', ['slow']);
    });
    expect(await dataSource.query('SELECT COUNT(*) AS n FROM note')).toEqual([{ n: 1 }]);
  });
});
