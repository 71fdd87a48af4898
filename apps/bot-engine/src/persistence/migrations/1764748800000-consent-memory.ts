import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a visitor granted in a conversation (purpose → form), so values collected there are kept for
 * exactly those purposes, a decline deletes what nothing else justifies, and "stop" can withdraw
 * each grant in order with the grants themselves; and whose conversation it is, so a withdrawal made
 * elsewhere reaches it.
 */
export class ConsentMemory1764748800000 implements MigrationInterface {
  name = 'ConsentMemory1764748800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "bot_engine"."bot_conversations"
        ADD COLUMN "visitor_id" uuid,
        ADD COLUMN "granted_consents" jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await queryRunner.query(
      `CREATE INDEX "bot_conversations_visitor" ON "bot_engine"."bot_conversations" ("tenant_id", "visitor_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "bot_engine"."bot_conversations_visitor"`);
    await queryRunner.query(
      `ALTER TABLE "bot_engine"."bot_conversations" DROP COLUMN "granted_consents", DROP COLUMN "visitor_id"`,
    );
  }
}
