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

/** Undoes migrations, latest first, down to and including the one whose name starts with `name`. */
async function undoThrough(ds: TestDatabase['dataSource'], name: string): Promise<void> {
  for (;;) {
    const [last] = (await ds.query('SELECT `name` FROM `typeorm_migrations` ORDER BY `timestamp` DESC LIMIT 1')) as {
      name: string;
    }[];
    await ds.undoLastMigration({ transaction: 'all' });
    if (last!.name.startsWith(name)) return;
  }
}

describe(`the subscribe_credit migration on ${describeTarget()} (issue 21)`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it('gives each template of an active mini-program subscription the one credit its acceptance carries', async () => {
    const ds = db.dataSource;
    await undoThrough(ds, 'SubscribeCredits');
    await ds.query("INSERT INTO `founder` (`id`, `openid`) VALUES ('f-1', 'open-1'), ('f-2', 'open-2')");
    await ds.query(
      `INSERT INTO \`subscription\` (\`founderId\`, \`scope\`, \`channel\`, \`templateIds\`, \`status\`) VALUES
       ('f-1', 'cn.little-giant', 'miniprogram', '["t-1","t-2"]', 'active'),
       ('f-1', '*', 'miniprogram', '["t-1"]', 'active'),
       ('f-2', '*', 'miniprogram', '["t-3"]', 'refused'),
       ('f-2', 'cn.little-giant', 'wechat', '[]', 'active')`,
    );
    await ds.runMigrations({ transaction: 'all' });
    const credits = await ds.query(
      'SELECT `founderId`, `templateId`, `credits` FROM `subscribe_credit` ORDER BY `founderId`, `templateId`',
    );
    expect(credits.map((row: { credits: unknown }) => ({ ...row, credits: Number(row.credits) }))).toEqual([
      { founderId: 'f-1', templateId: 't-1', credits: 1 },
      { founderId: 'f-1', templateId: 't-2', credits: 1 },
    ]);
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
    await undoThrough(ds, 'FounderIdentities');
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
