import { MigrationInterface, QueryRunner } from 'typeorm';

/** Customer-service windows (issue 19) and the channel a rerouted reminder was meant for; see the SQLite twin. */
export class ServiceWindows1796412163006 implements MigrationInterface {
  name = 'ServiceWindows1796412163006';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `founder_identity` ADD `windowOpenedAt` datetime NULL");
    await queryRunner.query("ALTER TABLE `founder_identity` ADD `windowSends` int NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE `founder_identity` ADD `windowVia` varchar(64) NULL");
    await queryRunner.query("ALTER TABLE `reminder_delivery` ADD `fallbackFrom` varchar(16) NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `reminder_delivery` DROP COLUMN `fallbackFrom`");
    await queryRunner.query("ALTER TABLE `founder_identity` DROP COLUMN `windowVia`");
    await queryRunner.query("ALTER TABLE `founder_identity` DROP COLUMN `windowSends`");
    await queryRunner.query("ALTER TABLE `founder_identity` DROP COLUMN `windowOpenedAt`");
  }
}
