import { MigrationInterface, QueryRunner } from 'typeorm';

/** Platform messages already handled, by hash, shared by replicas (issue 19): a retry on another replica runs nothing. */
export class InboundMessages1796413086489 implements MigrationInterface {
  name = 'InboundMessages1796413086489';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"inbound_message\" (\"messageKey\" varchar(64) PRIMARY KEY NOT NULL, \"receivedAt\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_f819651d7fd963a3b6dfa89eda\" ON \"inbound_message\" (\"receivedAt\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_f819651d7fd963a3b6dfa89eda\"");
    await queryRunner.query("DROP TABLE \"inbound_message\"");
  }
}
