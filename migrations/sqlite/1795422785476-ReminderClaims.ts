import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReminderClaims1795422785476 implements MigrationInterface {
  name = 'ReminderClaims1795422785476';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_5a121a54ace532012a7cf1d642\"");
    await queryRunner.query("DROP INDEX \"IDX_800c29273463d5addc24c63d40\"");
    await queryRunner.query("CREATE TABLE \"temporary_reminder_delivery\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"founderId\" varchar(36) NOT NULL, \"policyId\" varchar(64) NOT NULL, \"windowKey\" varchar(96) NOT NULL, \"offsetDays\" integer NOT NULL, \"channel\" varchar(16) NOT NULL, \"kind\" varchar(16) NOT NULL DEFAULT ('reminder'), \"closesOn\" varchar(10) NOT NULL, \"status\" varchar(16) NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"nextAttemptAt\" datetime NOT NULL, \"lastError\" varchar(500), \"sentAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"claimedBy\" varchar(64))");
    await queryRunner.query("INSERT INTO \"temporary_reminder_delivery\"(\"id\", \"founderId\", \"policyId\", \"windowKey\", \"offsetDays\", \"channel\", \"kind\", \"closesOn\", \"status\", \"attempts\", \"nextAttemptAt\", \"lastError\", \"sentAt\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"founderId\", \"policyId\", \"windowKey\", \"offsetDays\", \"channel\", \"kind\", \"closesOn\", \"status\", \"attempts\", \"nextAttemptAt\", \"lastError\", \"sentAt\", \"createdAt\", \"updatedAt\" FROM \"reminder_delivery\"");
    await queryRunner.query("DROP TABLE \"reminder_delivery\"");
    await queryRunner.query("ALTER TABLE \"temporary_reminder_delivery\" RENAME TO \"reminder_delivery\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_5a121a54ace532012a7cf1d642\" ON \"reminder_delivery\" (\"founderId\", \"policyId\", \"windowKey\", \"offsetDays\", \"channel\", \"kind\") ");
    await queryRunner.query("CREATE INDEX \"IDX_800c29273463d5addc24c63d40\" ON \"reminder_delivery\" (\"status\", \"nextAttemptAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_5204f3428c7bbfaf5e2c80f456\" ON \"reminder_delivery\" (\"closesOn\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_5204f3428c7bbfaf5e2c80f456\"");
    await queryRunner.query("DROP INDEX \"IDX_800c29273463d5addc24c63d40\"");
    await queryRunner.query("DROP INDEX \"IDX_5a121a54ace532012a7cf1d642\"");
    await queryRunner.query("ALTER TABLE \"reminder_delivery\" RENAME TO \"temporary_reminder_delivery\"");
    await queryRunner.query("CREATE TABLE \"reminder_delivery\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"founderId\" varchar(36) NOT NULL, \"policyId\" varchar(64) NOT NULL, \"windowKey\" varchar(96) NOT NULL, \"offsetDays\" integer NOT NULL, \"channel\" varchar(16) NOT NULL, \"kind\" varchar(16) NOT NULL DEFAULT ('reminder'), \"closesOn\" varchar(10) NOT NULL, \"status\" varchar(16) NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"nextAttemptAt\" datetime NOT NULL, \"lastError\" varchar(500), \"sentAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"reminder_delivery\"(\"id\", \"founderId\", \"policyId\", \"windowKey\", \"offsetDays\", \"channel\", \"kind\", \"closesOn\", \"status\", \"attempts\", \"nextAttemptAt\", \"lastError\", \"sentAt\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"founderId\", \"policyId\", \"windowKey\", \"offsetDays\", \"channel\", \"kind\", \"closesOn\", \"status\", \"attempts\", \"nextAttemptAt\", \"lastError\", \"sentAt\", \"createdAt\", \"updatedAt\" FROM \"temporary_reminder_delivery\"");
    await queryRunner.query("DROP TABLE \"temporary_reminder_delivery\"");
    await queryRunner.query("CREATE INDEX \"IDX_800c29273463d5addc24c63d40\" ON \"reminder_delivery\" (\"status\", \"nextAttemptAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_5a121a54ace532012a7cf1d642\" ON \"reminder_delivery\" (\"founderId\", \"policyId\", \"windowKey\", \"offsetDays\", \"channel\", \"kind\") ");
  }
}
