import { AuditLog } from '../../entities';
import { openTestDatabase, TestDatabase, describeTarget } from '../support/test-database';

describe(`migrations on ${describeTarget()}`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it('build exactly the schema the entities describe (no pending changes)', async () => {
    const pending = await db.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('leave nothing to run a second time', async () => {
    expect(await db.dataSource.showMigrations()).toBe(false);
  });

  it('store Chinese text and large documents intact', async () => {
    const text = '高新技术企业认定 — 研发费用占比'.repeat(200);
    const saved = await db.dataSource.manager.save(AuditLog, {
      actor: 'test',
      action: 'unicode.check',
      detail: { text },
    });
    const row = await db.dataSource.manager.findOneByOrFail(AuditLog, { id: saved.id });
    expect(row.detail).toEqual({ text });
  });
});
