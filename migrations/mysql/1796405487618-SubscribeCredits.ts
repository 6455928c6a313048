import { MigrationInterface, QueryRunner } from 'typeorm';
import { seedSubscribeCredits } from '../support/seed-subscribe-credits';

export class SubscribeCredits1796405487618 implements MigrationInterface {
  name = 'SubscribeCredits1796405487618';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `subscribe_credit` (`id` int NOT NULL AUTO_INCREMENT, `founderId` varchar(36) NOT NULL, `templateId` varchar(128) NOT NULL, `credits` int NOT NULL DEFAULT '0', `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_ebcbe295faea5e2c53455ea305` (`founderId`, `templateId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `subscribe_credit` ADD CONSTRAINT `FK_29424c3c6d6718c5d24ad334920` FOREIGN KEY (`founderId`) REFERENCES `founder`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await seedSubscribeCredits(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `subscribe_credit` DROP FOREIGN KEY `FK_29424c3c6d6718c5d24ad334920`");
    await queryRunner.query("DROP INDEX `IDX_ebcbe295faea5e2c53455ea305` ON `subscribe_credit`");
    await queryRunner.query("DROP TABLE `subscribe_credit`");
  }
}
