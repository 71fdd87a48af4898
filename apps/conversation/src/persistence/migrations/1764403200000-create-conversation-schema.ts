import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createApiKeysTable } from '@candor/auth';
import { createMessagingTables, dropMessagingTables } from '@candor/messaging';

export class CreateConversationSchema1764403200000 implements MigrationInterface {
  name = 'CreateConversationSchema1764403200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "conversation"."tenants" (
        "id" uuid PRIMARY KEY,
        "name" varchar(200) NOT NULL,
        "site_key" varchar(40) NOT NULL UNIQUE,
        "allowed_origins" text[] NOT NULL,
        "privacy_notice_version" varchar(40) NOT NULL,
        "privacy_notice_text" text NOT NULL,
        "privacy_policy_url" varchar(500) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await createApiKeysTable(queryRunner, 'conversation');
    await queryRunner.query(`
      CREATE TABLE "conversation"."conversations" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL REFERENCES "conversation"."tenants" ("id"),
        "visitor_id" uuid NOT NULL,
        "status" varchar(20) NOT NULL,
        "locale" varchar(5),
        "privacy_notice_version" varchar(40) NOT NULL,
        "message_count" integer NOT NULL DEFAULT 0,
        "started_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX "conversations_tenant_started" ON "conversation"."conversations" ("tenant_id", "started_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "conversation"."messages" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "conversation_id" uuid NOT NULL REFERENCES "conversation"."conversations" ("id"),
        "sequence" integer NOT NULL,
        "sender_kind" varchar(10) NOT NULL CHECK ("sender_kind" IN ('visitor', 'bot', 'agent', 'system')),
        "display_name" varchar(80) NOT NULL,
        "automated" boolean NOT NULL,
        "text_ciphertext" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        UNIQUE ("conversation_id", "sequence")
      )`);
    await createMessagingTables(queryRunner, 'conversation');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMessagingTables(queryRunner, 'conversation');
    await queryRunner.query(`DROP TABLE "conversation"."messages"`);
    await queryRunner.query(`DROP TABLE "conversation"."conversations"`);
    await queryRunner.query(`DROP TABLE "conversation"."api_keys"`);
    await queryRunner.query(`DROP TABLE "conversation"."tenants"`);
  }
}
