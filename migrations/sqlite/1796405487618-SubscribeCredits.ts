import { MigrationInterface, QueryRunner } from 'typeorm';
import { seedSubscribeCredits } from '../support/seed-subscribe-credits';

export class SubscribeCredits1796405487618 implements MigrationInterface {
  name = 'SubscribeCredits1796405487618';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"subscribe_credit\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"founderId\" varchar(36) NOT NULL, \"templateId\" varchar(128) NOT NULL, \"credits\" integer NOT NULL DEFAULT (0), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_ebcbe295faea5e2c53455ea305\" ON \"subscribe_credit\" (\"founderId\", \"templateId\") ");
    await queryRunner.query("DROP INDEX \"IDX_ebcbe295faea5e2c53455ea305\"");
    await queryRunner.query("CREATE TABLE \"temporary_subscribe_credit\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"founderId\" varchar(36) NOT NULL, \"templateId\" varchar(128) NOT NULL, \"credits\" integer NOT NULL DEFAULT (0), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_29424c3c6d6718c5d24ad334920\" FOREIGN KEY (\"founderId\") REFERENCES \"founder\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_subscribe_credit\"(\"id\", \"founderId\", \"templateId\", \"credits\", \"updatedAt\") SELECT \"id\", \"founderId\", \"templateId\", \"credits\", \"updatedAt\" FROM \"subscribe_credit\"");
    await queryRunner.query("DROP TABLE \"subscribe_credit\"");
    await queryRunner.query("ALTER TABLE \"temporary_subscribe_credit\" RENAME TO \"subscribe_credit\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_ebcbe295faea5e2c53455ea305\" ON \"subscribe_credit\" (\"founderId\", \"templateId\") ");
    await seedSubscribeCredits(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_ebcbe295faea5e2c53455ea305\"");
    await queryRunner.query("ALTER TABLE \"subscribe_credit\" RENAME TO \"temporary_subscribe_credit\"");
    await queryRunner.query("CREATE TABLE \"subscribe_credit\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"founderId\" varchar(36) NOT NULL, \"templateId\" varchar(128) NOT NULL, \"credits\" integer NOT NULL DEFAULT (0), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"subscribe_credit\"(\"id\", \"founderId\", \"templateId\", \"credits\", \"updatedAt\") SELECT \"id\", \"founderId\", \"templateId\", \"credits\", \"updatedAt\" FROM \"temporary_subscribe_credit\"");
    await queryRunner.query("DROP TABLE \"temporary_subscribe_credit\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_ebcbe295faea5e2c53455ea305\" ON \"subscribe_credit\" (\"founderId\", \"templateId\") ");
    await queryRunner.query("DROP INDEX \"IDX_ebcbe295faea5e2c53455ea305\"");
    await queryRunner.query("DROP TABLE \"subscribe_credit\"");
  }
}
