import { ApplicationWindow, AuditLog, ContentRelease, Policy, PolicyVersion, Source } from '../../entities';
import { ContentError } from '../../errors';
import type { Catalogue } from '../../rules/catalogue';
import { CatalogueService } from '../../services/catalogue-service';
import { fixedClock } from '../../services/clock';
import { ContentReleaseService } from '../../services/content-release-service';
import { miniCatalogue, miniPolicy } from '../support/mini-catalogue';
import { describeTarget, openTestDatabase, TestDatabase } from '../support/test-database';

describe(`content releases on ${describeTarget()}`, () => {
  let db: TestDatabase;
  let catalogues: CatalogueService;
  let content: Catalogue;
  let hash: string;
  let service: ContentReleaseService;
  const clock = fixedClock(new Date('2026-11-23T01:00:00Z'));

  beforeEach(async () => {
    db = await openTestDatabase();
    catalogues = new CatalogueService(db.dataSource);
    content = miniCatalogue();
    hash = 'h1';
    service = new ContentReleaseService(db.dataSource, catalogues, clock, () => ({ catalogue: content, hash }));
  });
  afterEach(() => db.close());

  it('loads a catalogue as one release and serves it back from the database', async () => {
    const result = await service.load('content', { actor: 'test' });
    expect(result.status).toBe('loaded');
    expect(result.diff.summary.policies).toEqual({ added: 2, changed: 0, removed: 0 });
    expect(catalogues.current().policies.map((p) => p.id)).toEqual(['sh.a', 'sh.b']);
    expect(catalogues.current().policies[0]).toEqual(content.policies[0]);
    expect(catalogues.current().facts).toEqual(content.facts);
    expect(await db.dataSource.manager.count(ContentRelease)).toBe(1);
    expect(await db.dataSource.manager.countBy(AuditLog, { action: 'content.loaded' })).toBe(1);
  });

  it('expands yearly windows per year and keeps rolling ones', async () => {
    await service.load('content', { actor: 'test' });
    const windows = await db.dataSource.manager.find(ApplicationWindow, {
      where: { policyId: 'sh.a' },
      order: { windowKey: 'ASC' },
    });
    expect(windows.map((w) => [w.windowKey, w.opensOn, w.closesOn, w.rolling])).toEqual([
      ['sh.a-rolling', null, null, true],
      ['sh.a-yearly:2026', '2026-06-01', '2026-08-31', false],
      ['sh.a-yearly:2027', '2027-06-01', '2027-08-31', false],
    ]);
  });

  it('changes nothing when the same content is loaded twice', async () => {
    await service.load('content', { actor: 'test' });
    const again = await service.load('content', { actor: 'test' });
    expect(again.status).toBe('unchanged');
    expect(again.diff.summary.policies).toEqual({ added: 0, changed: 0, removed: 0 });
    expect(await db.dataSource.manager.count(ContentRelease)).toBe(1);
  });

  it('counts added, changed and removed items and replaces the versions of changed policies', async () => {
    await service.load('content', { actor: 'test' });
    content = miniCatalogue([
      miniPolicy('sh.a', {
        title: '新标题',
        versions: [{ ...miniPolicy('sh.a').versions[0]!, valid_from: '2026-01-01' }],
      }),
      miniPolicy('sh.c'),
    ]);
    hash = 'h2';
    const result = await service.load('content', { actor: 'test' });
    expect(result.diff.summary.policies).toEqual({ added: 1, changed: 1, removed: 1 });
    expect(result.diff.ids.policies).toEqual({ added: ['sh.c'], changed: ['sh.a'], removed: ['sh.b'] });
    expect(await db.dataSource.manager.findBy(PolicyVersion, { policyId: 'sh.a' })).toHaveLength(1);
    expect((await db.dataSource.manager.findOneByOrFail(PolicyVersion, { policyId: 'sh.a' })).validFrom).toBe(
      '2026-01-01',
    );
    expect(await db.dataSource.manager.findOneBy(Policy, { id: 'sh.b' })).toBeNull();
    expect(await db.dataSource.manager.findBy(Source, { ownerId: 'sh.b' })).toEqual([]);
    expect(catalogues.current().policies.find((p) => p.id === 'sh.a')?.title).toBe('新标题');
  });

  it('writes nothing on a dry run but reports the diff', async () => {
    const result = await service.load('content', { actor: 'test', dryRun: true });
    expect(result.status).toBe('dry_run');
    expect(result.diff.summary.policies.added).toBe(2);
    expect(await db.dataSource.manager.count(Policy)).toBe(0);
  });

  it('leaves the database untouched when the content is broken', async () => {
    await service.load('content', { actor: 'test' });
    const broken = new ContentReleaseService(db.dataSource, catalogues, clock, () => {
      throw new ContentError('content is broken', [{ path: 'policies/x.yaml:title', reason: 'required' }]);
    });
    await expect(broken.load('content', { actor: 'test' })).rejects.toThrow(ContentError);
    expect(await db.dataSource.manager.count(ContentRelease)).toBe(1);
    expect(await db.dataSource.manager.count(Policy)).toBe(2);
  });

  it('loads the shipped content only into an empty database', async () => {
    expect((await service.loadIfEmpty('content'))?.status).toBe('loaded');
    hash = 'h-other';
    expect(await service.loadIfEmpty('content')).toBeNull();
  });
});
