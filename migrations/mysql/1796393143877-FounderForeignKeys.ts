import { MigrationInterface, QueryRunner } from 'typeorm';

export class FounderForeignKeys1796393143877 implements MigrationInterface {
  name = 'FounderForeignKeys1796393143877';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Rows of founders erased while a write was in flight (the defect this fixes): the key cannot be added over them.
    await queryRunner.query("DELETE FROM `application_record` WHERE `founderId` NOT IN (SELECT `id` FROM `founder`)");
    await queryRunner.query("DELETE FROM `reminder_delivery` WHERE `founderId` NOT IN (SELECT `id` FROM `founder`)");
    await queryRunner.query("ALTER TABLE `application_record` ADD CONSTRAINT `FK_adfb14a8797e8058a84741a1611` FOREIGN KEY (`founderId`) REFERENCES `founder`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `reminder_delivery` ADD CONSTRAINT `FK_0deff73f4693e5015e5672575df` FOREIGN KEY (`founderId`) REFERENCES `founder`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `reminder_delivery` DROP FOREIGN KEY `FK_0deff73f4693e5015e5672575df`");
    await queryRunner.query("ALTER TABLE `application_record` DROP FOREIGN KEY `FK_adfb14a8797e8058a84741a1611`");
  }
}
