import { MigrationInterface, QueryRunner } from 'typeorm';

/** One row per channel identity (issue 19): the founder's identity columns move into founder_identity. */
export class FounderIdentities1796406426835 implements MigrationInterface {
  name = 'FounderIdentities1796406426835';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_8948e81fcbaee4ebdacf2b7700` ON `founder`");
    await queryRunner.query("DROP INDEX `IDX_d0e0466feb324c27b81b073692` ON `founder`");
    await queryRunner.query("DROP INDEX `IDX_7470f02b79bb352196478a9da7` ON `founder`");
    await queryRunner.query("CREATE TABLE `founder_identity` (`id` int NOT NULL AUTO_INCREMENT, `founderId` varchar(36) NOT NULL, `channel` varchar(16) NOT NULL, `externalId` varchar(128) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_d95b8c5690274b69fe01f1940e` (`founderId`), UNIQUE INDEX `IDX_1eb24cb4933b660c3a78ed750d` (`channel`, `externalId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    // The identities move before their columns go (one founder row each, as they were).
    for (const [channel, column] of COLUMNS) {
      await queryRunner.query(
        `INSERT INTO \`founder_identity\` (\`founderId\`, \`channel\`, \`externalId\`, \`createdAt\`) SELECT \`id\`, '${channel}', \`${column}\`, \`createdAt\` FROM \`founder\` WHERE \`${column}\` IS NOT NULL`,
      );
    }
    await queryRunner.query("ALTER TABLE `founder` DROP COLUMN `openid`");
    await queryRunner.query("ALTER TABLE `founder` DROP COLUMN `wechatyContactId`");
    await queryRunner.query("ALTER TABLE `founder` DROP COLUMN `terminalUser`");
    await queryRunner.query("ALTER TABLE `founder_identity` ADD CONSTRAINT `FK_d95b8c5690274b69fe01f1940e5` FOREIGN KEY (`founderId`) REFERENCES `founder`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `founder_identity` DROP FOREIGN KEY `FK_d95b8c5690274b69fe01f1940e5`");
    await queryRunner.query("ALTER TABLE `founder` ADD `terminalUser` varchar(128) NULL");
    await queryRunner.query("ALTER TABLE `founder` ADD `wechatyContactId` varchar(128) NULL");
    await queryRunner.query("ALTER TABLE `founder` ADD `openid` varchar(64) NULL");
    for (const [channel, column] of COLUMNS) {
      await queryRunner.query(
        `UPDATE \`founder\` f SET f.\`${column}\` = (SELECT MIN(i.\`externalId\`) FROM \`founder_identity\` i WHERE i.\`founderId\` = f.\`id\` AND i.\`channel\` = '${channel}')`,
      );
    }
    await queryRunner.query("DROP INDEX `IDX_1eb24cb4933b660c3a78ed750d` ON `founder_identity`");
    await queryRunner.query("DROP INDEX `IDX_d95b8c5690274b69fe01f1940e` ON `founder_identity`");
    await queryRunner.query("DROP TABLE `founder_identity`");
    await queryRunner.query("CREATE UNIQUE INDEX `IDX_7470f02b79bb352196478a9da7` ON `founder` (`terminalUser`)");
    await queryRunner.query("CREATE UNIQUE INDEX `IDX_d0e0466feb324c27b81b073692` ON `founder` (`wechatyContactId`)");
    await queryRunner.query("CREATE UNIQUE INDEX `IDX_8948e81fcbaee4ebdacf2b7700` ON `founder` (`openid`)");
  }
}

/** Channel → the founder column its identity used to live in. */
const COLUMNS = [
  ['miniprogram', 'openid'],
  ['wechat', 'wechatyContactId'],
  ['terminal', 'terminalUser'],
] as const;
