import { MigrationInterface, QueryRunner } from 'typeorm';

/** Where the WeCom customer-service channel has read each account's messages to (kf/sync_msg's cursor). */
export class WecomKfCursor1796407105614 implements MigrationInterface {
  name = 'WecomKfCursor1796407105614';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `wecom_kf_cursor` (`openKfId` varchar(64) NOT NULL, `nextCursor` varchar(255) NOT NULL, `handledMsgId` varchar(128) NULL, `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (`openKfId`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `wecom_kf_cursor`");
  }
}
