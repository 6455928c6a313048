import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customer-service windows (issue 19): when the founder last wrote on a
 * windowed channel and what we have sent since; and the channel a reminder
 * was meant for when it had to go another way. Plain ADD COLUMN: no table is
 * rebuilt, so no row is copied or dropped.
 */
export class ServiceWindows1796412163006 implements MigrationInterface {
  name = 'ServiceWindows1796412163006';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "founder_identity" ADD COLUMN "windowOpenedAt" datetime');
    await queryRunner.query('ALTER TABLE "founder_identity" ADD COLUMN "windowSends" integer NOT NULL DEFAULT (0)');
    await queryRunner.query('ALTER TABLE "founder_identity" ADD COLUMN "windowVia" varchar(64)');
    await queryRunner.query('ALTER TABLE "reminder_delivery" ADD COLUMN "fallbackFrom" varchar(16)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "reminder_delivery" DROP COLUMN "fallbackFrom"');
    await queryRunner.query('ALTER TABLE "founder_identity" DROP COLUMN "windowVia"');
    await queryRunner.query('ALTER TABLE "founder_identity" DROP COLUMN "windowSends"');
    await queryRunner.query('ALTER TABLE "founder_identity" DROP COLUMN "windowOpenedAt"');
  }
}
