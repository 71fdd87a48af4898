import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The version of the tenant's privacy notice the visitor was shown: the bot names it when asked about their data. */
export class PrivacyNoticeVersion1765008000000 implements MigrationInterface {
  name = 'PrivacyNoticeVersion1765008000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "bot_engine"."bot_conversations" ADD COLUMN "privacy_notice_version" varchar(40)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bot_engine"."bot_conversations" DROP COLUMN "privacy_notice_version"`);
  }
}
