import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 4: the sensitive-data guard's tenant policy and the conversations it flagged; who holds a
 * conversation (bot or agent) and what the bot asked for; quick replies and the message a bot reply answers; and every
 * published version of a tenant's privacy notice, kept so the version stored with a conversation
 * can always be shown again.
 */
export class GuardStatesAndNoticeVersions1764576000000 implements MigrationInterface {
  name = 'GuardStatesAndNoticeVersions1764576000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "conversation"."tenants" ADD COLUMN "guard_policy" jsonb NOT NULL DEFAULT '{}'::jsonb`,
    );
    await queryRunner.query(`
      ALTER TABLE "conversation"."conversations"
        ADD COLUMN "awaiting_field" varchar(10),
        ADD COLUMN "flagged_categories" text[] NOT NULL DEFAULT '{}',
        ADD COLUMN "flagged_at" timestamptz,
        ADD COLUMN "agent_key_id" varchar(16),
        ADD COLUMN "agent_display_name" varchar(80),
        ADD CONSTRAINT "conversations_status_known"
          CHECK ("status" IN ('bot', 'waiting_for_human', 'with_human', 'closed'))`);
    await queryRunner.query(
      `CREATE INDEX "conversations_tenant_status" ON "conversation"."conversations" ("tenant_id", "status")`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversation"."messages" ADD COLUMN "quick_replies" jsonb NOT NULL DEFAULT '[]'::jsonb, ADD COLUMN "in_reply_to" uuid`,
    );
    await queryRunner.query(`
      CREATE TABLE "conversation"."privacy_notices" (
        "tenant_id" uuid NOT NULL REFERENCES "conversation"."tenants" ("id") ON DELETE CASCADE,
        "version" varchar(40) NOT NULL,
        "text" text NOT NULL,
        "policy_url" varchar(500) NOT NULL,
        "published_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("tenant_id", "version")
      )`);
    await queryRunner.query(`
      INSERT INTO "conversation"."privacy_notices" ("tenant_id", "version", "text", "policy_url", "published_at")
      SELECT "id", "privacy_notice_version", "privacy_notice_text", "privacy_policy_url", "created_at"
      FROM "conversation"."tenants"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "conversation"."privacy_notices"`);
    await queryRunner.query(
      `ALTER TABLE "conversation"."messages" DROP COLUMN "in_reply_to", DROP COLUMN "quick_replies"`,
    );
    await queryRunner.query(`DROP INDEX "conversation"."conversations_tenant_status"`);
    await queryRunner.query(`
      ALTER TABLE "conversation"."conversations"
        DROP CONSTRAINT "conversations_status_known",
        DROP COLUMN "agent_display_name",
        DROP COLUMN "agent_key_id",
        DROP COLUMN "flagged_at",
        DROP COLUMN "flagged_categories",
        DROP COLUMN "awaiting_field"`);
    await queryRunner.query(`ALTER TABLE "conversation"."tenants" DROP COLUMN "guard_policy"`);
  }
}
