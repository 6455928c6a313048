import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReminderClaims1795422785476 implements MigrationInterface {
  name = 'ReminderClaims1795422785476';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `reminder_delivery` ADD `claimedBy` varchar(64) NULL");
    await queryRunner.query("CREATE INDEX `IDX_5204f3428c7bbfaf5e2c80f456` ON `reminder_delivery` (`closesOn`)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_5204f3428c7bbfaf5e2c80f456` ON `reminder_delivery`");
    await queryRunner.query("ALTER TABLE `reminder_delivery` DROP COLUMN `claimedBy`");
  }
}
