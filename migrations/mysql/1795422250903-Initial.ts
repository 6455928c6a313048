import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795422250903 implements MigrationInterface {
  name = 'Initial1795422250903';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `application_record` (`id` int NOT NULL AUTO_INCREMENT, `founderId` varchar(36) NOT NULL, `policyId` varchar(64) NOT NULL, `windowKey` varchar(96) NOT NULL, `status` varchar(16) NOT NULL, `askedAt` datetime NOT NULL, `answeredAt` datetime NULL, UNIQUE INDEX `IDX_48fef192152de93b98ca8a1e35` (`founderId`, `policyId`, `windowKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `policy_version` (`id` int NOT NULL AUTO_INCREMENT, `policyId` varchar(64) NOT NULL, `validFrom` varchar(10) NOT NULL, `validTo` varchar(10) NULL, `document` text NOT NULL, UNIQUE INDEX `IDX_abde9f85122ecdad782075219b` (`policyId`, `validFrom`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `policy` (`id` varchar(64) NOT NULL, `title` varchar(200) NOT NULL, `region` varchar(16) NOT NULL, `benefitKind` varchar(16) NOT NULL, `benefitCapYuan` bigint NULL, `verifiedAt` varchar(10) NOT NULL, `confidence` varchar(1) NOT NULL, `document` text NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `application_window` (`id` int NOT NULL AUTO_INCREMENT, `policyId` varchar(64) NOT NULL, `windowKey` varchar(96) NOT NULL, `opensOn` varchar(10) NULL, `closesOn` varchar(10) NULL, `rolling` tinyint NOT NULL DEFAULT 0, `note` varchar(500) NULL, `confidence` varchar(1) NOT NULL, INDEX `IDX_98201b0742cf75419f778d499b` (`closesOn`), UNIQUE INDEX `IDX_37c5b9d8f7381d909f74cfa329` (`policyId`, `windowKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `founder` (`id` varchar(36) NOT NULL, `openid` varchar(64) NULL, `unionid` varchar(64) NULL, `wechatyContactId` varchar(128) NULL, `terminalUser` varchar(128) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_8948e81fcbaee4ebdacf2b7700` (`openid`), UNIQUE INDEX `IDX_d78c9182cac445a001f9cb3060` (`unionid`), UNIQUE INDEX `IDX_d0e0466feb324c27b81b073692` (`wechatyContactId`), UNIQUE INDEX `IDX_7470f02b79bb352196478a9da7` (`terminalUser`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `assessment` (`id` varchar(36) NOT NULL, `founderId` varchar(36) NOT NULL, `policies` text NOT NULL, `topic` varchar(32) NULL, `asked` text NOT NULL, `skipped` text NOT NULL, `status` varchar(16) NOT NULL, `snapshot` text NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_2e79eb786bd2215a77c614f5ba` (`founderId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `audit_log` (`id` int NOT NULL AUTO_INCREMENT, `actor` varchar(64) NOT NULL, `action` varchar(64) NOT NULL, `detail` text NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_78e013ffae12f5a1fc1dbefff9` (`createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `content_release` (`id` int NOT NULL AUTO_INCREMENT, `hash` varchar(64) NOT NULL, `summary` text NOT NULL, `loadedBy` varchar(120) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_df29e5ddb9edc5ab638858ea7d` (`hash`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `conversation_session` (`id` int NOT NULL AUTO_INCREMENT, `channelKey` varchar(200) NOT NULL, `founderId` varchar(36) NOT NULL, `stateVersion` int NOT NULL, `state` text NOT NULL, `revision` int NOT NULL, `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_1a0bb40fde9476d886895dd10e` (`channelKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `fact_answer` (`id` int NOT NULL AUTO_INCREMENT, `founderId` varchar(36) NOT NULL, `fact` varchar(64) NOT NULL, `value` text NOT NULL, `answeredAt` datetime NOT NULL, `channel` varchar(16) NOT NULL, UNIQUE INDEX `IDX_8fe357ff67a20700e39719d6ec` (`founderId`, `fact`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `fact_question` (`fact` varchar(64) NOT NULL, `type` varchar(16) NOT NULL, `document` text NOT NULL, PRIMARY KEY (`fact`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `incubator` (`id` varchar(64) NOT NULL, `name` varchar(200) NOT NULL, `region` varchar(16) NOT NULL, `district` varchar(32) NULL, `level` varchar(32) NOT NULL, `verifiedAt` varchar(10) NOT NULL, `document` text NOT NULL, INDEX `IDX_cff87033ba748e1f83b966e58f` (`region`, `district`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `lease` (`name` varchar(64) NOT NULL, `holder` varchar(128) NOT NULL, `expiresAt` datetime NOT NULL, PRIMARY KEY (`name`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `region` (`id` varchar(64) NOT NULL, `name` varchar(200) NOT NULL, `scope` varchar(16) NOT NULL, `verifiedAt` varchar(10) NOT NULL, `document` text NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `reminder_delivery` (`id` int NOT NULL AUTO_INCREMENT, `founderId` varchar(36) NOT NULL, `policyId` varchar(64) NOT NULL, `windowKey` varchar(96) NOT NULL, `offsetDays` int NOT NULL, `channel` varchar(16) NOT NULL, `kind` varchar(16) NOT NULL DEFAULT 'reminder', `closesOn` varchar(10) NOT NULL, `status` varchar(16) NOT NULL, `attempts` int NOT NULL DEFAULT '0', `nextAttemptAt` datetime NOT NULL, `lastError` varchar(500) NULL, `sentAt` datetime NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_800c29273463d5addc24c63d40` (`status`, `nextAttemptAt`), UNIQUE INDEX `IDX_5a121a54ace532012a7cf1d642` (`founderId`, `policyId`, `windowKey`, `offsetDays`, `channel`, `kind`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `source` (`id` int NOT NULL AUTO_INCREMENT, `ownerType` varchar(16) NOT NULL, `ownerId` varchar(96) NOT NULL, `title` varchar(300) NOT NULL, `number` varchar(120) NULL, `url` varchar(500) NULL, `seed` varchar(120) NULL, INDEX `IDX_9de0574f12e90841a44792b921` (`ownerType`, `ownerId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `subscription` (`id` int NOT NULL AUTO_INCREMENT, `founderId` varchar(36) NOT NULL, `scope` varchar(64) NOT NULL, `channel` varchar(16) NOT NULL, `templateIds` text NOT NULL, `status` varchar(16) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_154ccbb3a3fa9b8cd12a02835a` (`scope`, `status`), UNIQUE INDEX `IDX_18fecdbc4e10bdfa8021e37831` (`founderId`, `scope`, `channel`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `policy_version` ADD CONSTRAINT `FK_4aead684502e67ff35b7c51ec84` FOREIGN KEY (`policyId`) REFERENCES `policy`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `application_window` ADD CONSTRAINT `FK_556feed00e642163c204d5146e7` FOREIGN KEY (`policyId`) REFERENCES `policy`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `assessment` ADD CONSTRAINT `FK_3d053c3e0debf072f8b28819b3e` FOREIGN KEY (`founderId`) REFERENCES `founder`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `conversation_session` ADD CONSTRAINT `FK_a28683c7ce07c4b13e69934d898` FOREIGN KEY (`founderId`) REFERENCES `founder`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `fact_answer` ADD CONSTRAINT `FK_510fe814c50657c146b0c960712` FOREIGN KEY (`founderId`) REFERENCES `founder`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `subscription` ADD CONSTRAINT `FK_30355dfea6e3871b6ebd2d6dfc0` FOREIGN KEY (`founderId`) REFERENCES `founder`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `subscription` DROP FOREIGN KEY `FK_30355dfea6e3871b6ebd2d6dfc0`");
    await queryRunner.query("ALTER TABLE `fact_answer` DROP FOREIGN KEY `FK_510fe814c50657c146b0c960712`");
    await queryRunner.query("ALTER TABLE `conversation_session` DROP FOREIGN KEY `FK_a28683c7ce07c4b13e69934d898`");
    await queryRunner.query("ALTER TABLE `assessment` DROP FOREIGN KEY `FK_3d053c3e0debf072f8b28819b3e`");
    await queryRunner.query("ALTER TABLE `application_window` DROP FOREIGN KEY `FK_556feed00e642163c204d5146e7`");
    await queryRunner.query("ALTER TABLE `policy_version` DROP FOREIGN KEY `FK_4aead684502e67ff35b7c51ec84`");
    await queryRunner.query("DROP INDEX `IDX_18fecdbc4e10bdfa8021e37831` ON `subscription`");
    await queryRunner.query("DROP INDEX `IDX_154ccbb3a3fa9b8cd12a02835a` ON `subscription`");
    await queryRunner.query("DROP TABLE `subscription`");
    await queryRunner.query("DROP INDEX `IDX_9de0574f12e90841a44792b921` ON `source`");
    await queryRunner.query("DROP TABLE `source`");
    await queryRunner.query("DROP INDEX `IDX_5a121a54ace532012a7cf1d642` ON `reminder_delivery`");
    await queryRunner.query("DROP INDEX `IDX_800c29273463d5addc24c63d40` ON `reminder_delivery`");
    await queryRunner.query("DROP TABLE `reminder_delivery`");
    await queryRunner.query("DROP TABLE `region`");
    await queryRunner.query("DROP TABLE `lease`");
    await queryRunner.query("DROP INDEX `IDX_cff87033ba748e1f83b966e58f` ON `incubator`");
    await queryRunner.query("DROP TABLE `incubator`");
    await queryRunner.query("DROP TABLE `fact_question`");
    await queryRunner.query("DROP INDEX `IDX_8fe357ff67a20700e39719d6ec` ON `fact_answer`");
    await queryRunner.query("DROP TABLE `fact_answer`");
    await queryRunner.query("DROP INDEX `IDX_1a0bb40fde9476d886895dd10e` ON `conversation_session`");
    await queryRunner.query("DROP TABLE `conversation_session`");
    await queryRunner.query("DROP INDEX `IDX_df29e5ddb9edc5ab638858ea7d` ON `content_release`");
    await queryRunner.query("DROP TABLE `content_release`");
    await queryRunner.query("DROP INDEX `IDX_78e013ffae12f5a1fc1dbefff9` ON `audit_log`");
    await queryRunner.query("DROP TABLE `audit_log`");
    await queryRunner.query("DROP INDEX `IDX_2e79eb786bd2215a77c614f5ba` ON `assessment`");
    await queryRunner.query("DROP TABLE `assessment`");
    await queryRunner.query("DROP INDEX `IDX_7470f02b79bb352196478a9da7` ON `founder`");
    await queryRunner.query("DROP INDEX `IDX_d0e0466feb324c27b81b073692` ON `founder`");
    await queryRunner.query("DROP INDEX `IDX_d78c9182cac445a001f9cb3060` ON `founder`");
    await queryRunner.query("DROP INDEX `IDX_8948e81fcbaee4ebdacf2b7700` ON `founder`");
    await queryRunner.query("DROP TABLE `founder`");
    await queryRunner.query("DROP INDEX `IDX_37c5b9d8f7381d909f74cfa329` ON `application_window`");
    await queryRunner.query("DROP INDEX `IDX_98201b0742cf75419f778d499b` ON `application_window`");
    await queryRunner.query("DROP TABLE `application_window`");
    await queryRunner.query("DROP TABLE `policy`");
    await queryRunner.query("DROP INDEX `IDX_abde9f85122ecdad782075219b` ON `policy_version`");
    await queryRunner.query("DROP TABLE `policy_version`");
    await queryRunner.query("DROP INDEX `IDX_48fef192152de93b98ca8a1e35` ON `application_record`");
    await queryRunner.query("DROP TABLE `application_record`");
  }
}
