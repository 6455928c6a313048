import { MigrationInterface, QueryRunner } from 'typeorm';

export class FounderForeignKeys1796393143877 implements MigrationInterface {
  name = 'FounderForeignKeys1796393143877';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Rows of founders erased while a write was in flight (the defect this fixes): the key cannot be added over them.
    await queryRunner.query("DELETE FROM \"application_record\" WHERE \"founderId\" NOT IN (SELECT \"id\" FROM \"founder\")");
    await queryRunner.query("DELETE FROM \"reminder_delivery\" WHERE \"founderId\" NOT IN (SELECT \"id\" FROM \"founder\")");
    await queryRunner.query("DROP INDEX \"IDX_48fef192152de93b98ca8a1e35\"");
    await queryRunner.query("CREATE TABLE \"temporary_application_record\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"founderId\" varchar(36) NOT NULL, \"policyId\" varchar(64) NOT NULL, \"windowKey\" varchar(96) NOT NULL, \"status\" varchar(16) NOT NULL, \"askedAt\" datetime NOT NULL, \"answeredAt\" datetime, CONSTRAINT \"FK_adfb14a8797e8058a84741a1611\" FOREIGN KEY (\"founderId\") REFERENCES \"founder\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_application_record\"(\"id\", \"founderId\", \"policyId\", \"windowKey\", \"status\", \"askedAt\", \"answeredAt\") SELECT \"id\", \"founderId\", \"policyId\", \"windowKey\", \"status\", \"askedAt\", \"answeredAt\" FROM \"application_record\"");
    await queryRunner.query("DROP TABLE \"application_record\"");
    await queryRunner.query("ALTER TABLE \"temporary_application_record\" RENAME TO \"application_record\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_48fef192152de93b98ca8a1e35\" ON \"application_record\" (\"founderId\", \"policyId\", \"windowKey\") ");
    await queryRunner.query("DROP INDEX \"IDX_5204f3428c7bbfaf5e2c80f456\"");
    await queryRunner.query("DROP INDEX \"IDX_800c29273463d5addc24c63d40\"");
    await queryRunner.query("DROP INDEX \"IDX_5a121a54ace532012a7cf1d642\"");
    await queryRunner.query("CREATE TABLE \"temporary_reminder_delivery\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"founderId\" varchar(36) NOT NULL, \"policyId\" varchar(64) NOT NULL, \"windowKey\" varchar(96) NOT NULL, \"offsetDays\" integer NOT NULL, \"channel\" varchar(16) NOT NULL, \"kind\" varchar(16) NOT NULL DEFAULT ('reminder'), \"closesOn\" varchar(10) NOT NULL, \"status\" varchar(16) NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"nextAttemptAt\" datetime NOT NULL, \"lastError\" varchar(500), \"sentAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"claimedBy\" varchar(64), CONSTRAINT \"FK_0deff73f4693e5015e5672575df\" FOREIGN KEY (\"founderId\") REFERENCES \"founder\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_reminder_delivery\"(\"id\", \"founderId\", \"policyId\", \"windowKey\", \"offsetDays\", \"channel\", \"kind\", \"closesOn\", \"status\", \"attempts\", \"nextAttemptAt\", \"lastError\", \"sentAt\", \"createdAt\", \"updatedAt\", \"claimedBy\") SELECT \"id\", \"founderId\", \"policyId\", \"windowKey\", \"offsetDays\", \"channel\", \"kind\", \"closesOn\", \"status\", \"attempts\", \"nextAttemptAt\", \"lastError\", \"sentAt\", \"createdAt\", \"updatedAt\", \"claimedBy\" FROM \"reminder_delivery\"");
    await queryRunner.query("DROP TABLE \"reminder_delivery\"");
    await queryRunner.query("ALTER TABLE \"temporary_reminder_delivery\" RENAME TO \"reminder_delivery\"");
    await queryRunner.query("CREATE INDEX \"IDX_5204f3428c7bbfaf5e2c80f456\" ON \"reminder_delivery\" (\"closesOn\") ");
    await queryRunner.query("CREATE INDEX \"IDX_800c29273463d5addc24c63d40\" ON \"reminder_delivery\" (\"status\", \"nextAttemptAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_5a121a54ace532012a7cf1d642\" ON \"reminder_delivery\" (\"founderId\", \"policyId\", \"windowKey\", \"offsetDays\", \"channel\", \"kind\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_5a121a54ace532012a7cf1d642\"");
    await queryRunner.query("DROP INDEX \"IDX_800c29273463d5addc24c63d40\"");
    await queryRunner.query("DROP INDEX \"IDX_5204f3428c7bbfaf5e2c80f456\"");
    await queryRunner.query("ALTER TABLE \"reminder_delivery\" RENAME TO \"temporary_reminder_delivery\"");
    await queryRunner.query("CREATE TABLE \"reminder_delivery\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"founderId\" varchar(36) NOT NULL, \"policyId\" varchar(64) NOT NULL, \"windowKey\" varchar(96) NOT NULL, \"offsetDays\" integer NOT NULL, \"channel\" varchar(16) NOT NULL, \"kind\" varchar(16) NOT NULL DEFAULT ('reminder'), \"closesOn\" varchar(10) NOT NULL, \"status\" varchar(16) NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"nextAttemptAt\" datetime NOT NULL, \"lastError\" varchar(500), \"sentAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"claimedBy\" varchar(64))");
    await queryRunner.query("INSERT INTO \"reminder_delivery\"(\"id\", \"founderId\", \"policyId\", \"windowKey\", \"offsetDays\", \"channel\", \"kind\", \"closesOn\", \"status\", \"attempts\", \"nextAttemptAt\", \"lastError\", \"sentAt\", \"createdAt\", \"updatedAt\", \"claimedBy\") SELECT \"id\", \"founderId\", \"policyId\", \"windowKey\", \"offsetDays\", \"channel\", \"kind\", \"closesOn\", \"status\", \"attempts\", \"nextAttemptAt\", \"lastError\", \"sentAt\", \"createdAt\", \"updatedAt\", \"claimedBy\" FROM \"temporary_reminder_delivery\"");
    await queryRunner.query("DROP TABLE \"temporary_reminder_delivery\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_5a121a54ace532012a7cf1d642\" ON \"reminder_delivery\" (\"founderId\", \"policyId\", \"windowKey\", \"offsetDays\", \"channel\", \"kind\") ");
    await queryRunner.query("CREATE INDEX \"IDX_800c29273463d5addc24c63d40\" ON \"reminder_delivery\" (\"status\", \"nextAttemptAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_5204f3428c7bbfaf5e2c80f456\" ON \"reminder_delivery\" (\"closesOn\") ");
    await queryRunner.query("DROP INDEX \"IDX_48fef192152de93b98ca8a1e35\"");
    await queryRunner.query("ALTER TABLE \"application_record\" RENAME TO \"temporary_application_record\"");
    await queryRunner.query("CREATE TABLE \"application_record\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"founderId\" varchar(36) NOT NULL, \"policyId\" varchar(64) NOT NULL, \"windowKey\" varchar(96) NOT NULL, \"status\" varchar(16) NOT NULL, \"askedAt\" datetime NOT NULL, \"answeredAt\" datetime)");
    await queryRunner.query("INSERT INTO \"application_record\"(\"id\", \"founderId\", \"policyId\", \"windowKey\", \"status\", \"askedAt\", \"answeredAt\") SELECT \"id\", \"founderId\", \"policyId\", \"windowKey\", \"status\", \"askedAt\", \"answeredAt\" FROM \"temporary_application_record\"");
    await queryRunner.query("DROP TABLE \"temporary_application_record\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_48fef192152de93b98ca8a1e35\" ON \"application_record\" (\"founderId\", \"policyId\", \"windowKey\") ");
  }
}
