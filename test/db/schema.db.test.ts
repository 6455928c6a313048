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

describe(`the founder_identity migration on ${describeTarget()} (issue 19)`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it('moves every channel identity into founder_identity and keeps the founder’s other rows', async () => {
    const ds = db.dataSource;
    // Back to the schema before it (later migrations undone first), with founders as they were stored then.
    for (;;) {
      const [last] = (await ds.query('SELECT `name` FROM `typeorm_migrations` ORDER BY `timestamp` DESC LIMIT 1')) as {
        name: string;
      }[];
      await ds.undoLastMigration({ transaction: 'all' });
      if (last!.name.startsWith('FounderIdentities')) break;
    }
    await ds.query(
      "INSERT INTO `founder` (`id`, `openid`, `unionid`, `wechatyContactId`, `terminalUser`) VALUES ('f-1', 'open-1', 'union-1', 'contact-1', NULL), ('f-2', NULL, NULL, NULL, 'alice')",
    );
    await ds.query(
      "INSERT INTO `subscription` (`founderId`, `scope`, `channel`, `templateIds`, `status`) VALUES ('f-1', '*', 'wechat', '[]', 'active')",
    );
    await ds.runMigrations({ transaction: 'all' });
    const identities = await ds.query(
      'SELECT `founderId`, `channel`, `externalId` FROM `founder_identity` ORDER BY `founderId`, `channel`',
    );
    expect(identities).toEqual([
      { founderId: 'f-1', channel: 'miniprogram', externalId: 'open-1' },
      { founderId: 'f-1', channel: 'wechat', externalId: 'contact-1' },
      { founderId: 'f-2', channel: 'terminal', externalId: 'alice' },
    ]);
    // Nothing cascaded away with the columns.
    expect(await ds.query('SELECT `founderId` FROM `subscription`')).toEqual([{ founderId: 'f-1' }]);
    expect(await ds.query('SELECT `id`, `unionid` FROM `founder` ORDER BY `id`')).toEqual([
      { id: 'f-1', unionid: 'union-1' },
      { id: 'f-2', unionid: null },
    ]);
  });
});
