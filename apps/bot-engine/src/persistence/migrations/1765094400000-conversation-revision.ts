import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A random revision per write of a conversation's bot state, set by a trigger so that no writer can forget it:
 * the bot answers a message with one UPDATE that applies only if the row is still at the revision it last saw.
 * Random rather than a counter, so a revision written by a transaction that rolled back never comes back.
 * Existing rows start without one and get it at their next write.
 */
export class ConversationRevision1765094400000 implements MigrationInterface {
  name = 'ConversationRevision1765094400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bot_engine"."bot_conversations" ADD COLUMN "revision" uuid`);
    await queryRunner.query(
      `ALTER TABLE "bot_engine"."bot_conversations" ALTER COLUMN "revision" SET DEFAULT gen_random_uuid()`,
    );
    await queryRunner.query(`
      CREATE FUNCTION "bot_engine"."bot_conversations_revise"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW."revision" := gen_random_uuid();
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "bot_conversations_revise" BEFORE UPDATE ON "bot_engine"."bot_conversations"
      FOR EACH ROW EXECUTE FUNCTION "bot_engine"."bot_conversations_revise"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "bot_conversations_revise" ON "bot_engine"."bot_conversations"`);
    await queryRunner.query(`DROP FUNCTION "bot_engine"."bot_conversations_revise"()`);
    await queryRunner.query(`ALTER TABLE "bot_engine"."bot_conversations" DROP COLUMN "revision"`);
  }
}
