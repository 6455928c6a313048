import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per channel identity (issue 19): the founder's openid,
 * wechatyContactId and terminalUser columns move into founder_identity.
 *
 * Written by hand, not as TypeORM's table rebuild: rebuilding `founder` means
 * DROP TABLE founder, and with foreign keys on (they are, and a PRAGMA cannot
 * turn them off inside the migration's transaction) that deletes every row
 * that cascades from it. SQLite (≥ 3.35, as better-sqlite3 bundles) drops a
 * column in place once its index is gone.
 */
export class FounderIdentities1796406426835 implements MigrationInterface {
  name = 'FounderIdentities1796406426835';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE \"founder_identity\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"founderId\" varchar(36) NOT NULL, \"channel\" varchar(16) NOT NULL, \"externalId\" varchar(128) NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_d95b8c5690274b69fe01f1940e5\" FOREIGN KEY (\"founderId\") REFERENCES \"founder\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)",
    );
    await queryRunner.query('CREATE INDEX "IDX_d95b8c5690274b69fe01f1940e" ON "founder_identity" ("founderId") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_1eb24cb4933b660c3a78ed750d" ON "founder_identity" ("channel", "externalId") ',
    );
    for (const [channel, column] of COLUMNS) {
      await queryRunner.query(
        `INSERT INTO "founder_identity" ("founderId", "channel", "externalId", "createdAt") SELECT "id", '${channel}', "${column}", "createdAt" FROM "founder" WHERE "${column}" IS NOT NULL`,
      );
    }
    await queryRunner.query('DROP INDEX "IDX_7470f02b79bb352196478a9da7"');
    await queryRunner.query('DROP INDEX "IDX_d0e0466feb324c27b81b073692"');
    await queryRunner.query('DROP INDEX "IDX_8948e81fcbaee4ebdacf2b7700"');
    for (const [, column] of COLUMNS) await queryRunner.query(`ALTER TABLE "founder" DROP COLUMN "${column}"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "founder" ADD COLUMN "openid" varchar(64)');
    await queryRunner.query('ALTER TABLE "founder" ADD COLUMN "wechatyContactId" varchar(128)');
    await queryRunner.query('ALTER TABLE "founder" ADD COLUMN "terminalUser" varchar(128)');
    for (const [channel, column] of COLUMNS) {
      await queryRunner.query(
        `UPDATE "founder" SET "${column}" = (SELECT MIN("externalId") FROM "founder_identity" i WHERE i."founderId" = "founder"."id" AND i."channel" = '${channel}')`,
      );
    }
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_8948e81fcbaee4ebdacf2b7700" ON "founder" ("openid") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_d0e0466feb324c27b81b073692" ON "founder" ("wechatyContactId") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_7470f02b79bb352196478a9da7" ON "founder" ("terminalUser") ');
    await queryRunner.query('DROP INDEX "IDX_1eb24cb4933b660c3a78ed750d"');
    await queryRunner.query('DROP INDEX "IDX_d95b8c5690274b69fe01f1940e"');
    await queryRunner.query('DROP TABLE "founder_identity"');
  }
}

/** Channel → the founder column its identity used to live in. */
const COLUMNS = [
  ['miniprogram', 'openid'],
  ['wechat', 'wechatyContactId'],
  ['terminal', 'terminalUser'],
] as const;
