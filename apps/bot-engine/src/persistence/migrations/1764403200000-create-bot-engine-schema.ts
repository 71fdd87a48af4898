import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createApiKeysTable } from '@candor/auth';
import { createMessagingTables, dropMessagingTables } from '@candor/messaging';

export class CreateBotEngineSchema1764403200000 implements MigrationInterface {
  name = 'CreateBotEngineSchema1764403200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createApiKeysTable(queryRunner, 'bot_engine');
    await queryRunner.query(`
      CREATE TABLE "bot_engine"."bot_conversations" (
        "conversation_id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "persona_name" varchar(80) NOT NULL,
        "locale" varchar(5),
        "visitor_turns" integer NOT NULL DEFAULT 0,
        "greeted_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await createMessagingTables(queryRunner, 'bot_engine');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMessagingTables(queryRunner, 'bot_engine');
    await queryRunner.query(`DROP TABLE "bot_engine"."bot_conversations"`);
    await queryRunner.query(`DROP TABLE "bot_engine"."api_keys"`);
  }
}
