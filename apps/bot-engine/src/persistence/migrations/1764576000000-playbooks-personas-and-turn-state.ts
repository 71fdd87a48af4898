import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 4: a tenant's bot (persona, secure channel, meeting link, active playbook), its playbook
 * versions (a published version cannot be changed or removed: a trigger refuses it, whoever asks),
 * the bot's memory of each conversation, and the fields it collected, encrypted under the visitor's key.
 */
export class PlaybooksPersonasAndTurnState1764576000000 implements MigrationInterface {
  name = 'PlaybooksPersonasAndTurnState1764576000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "bot_engine"."tenant_bots" (
        "tenant_id" uuid PRIMARY KEY,
        "persona_name" varchar(40) NOT NULL,
        "persona_avatar" text,
        "persona_tone" varchar(10) NOT NULL,
        "persona_disclosure" jsonb NOT NULL,
        "secure_channel_url" varchar(500),
        "meeting_url" varchar(500),
        "active_playbook_key" varchar(63),
        "updated_at" timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "bot_engine"."playbook_versions" (
        "tenant_id" uuid NOT NULL,
        "playbook_key" varchar(63) NOT NULL,
        "version" integer NOT NULL CHECK ("version" > 0),
        "status" varchar(10) NOT NULL CHECK ("status" IN ('draft', 'published')),
        "format" varchar(4) NOT NULL CHECK ("format" IN ('json', 'yaml')),
        "source" text NOT NULL,
        "document" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL,
        "published_at" timestamptz,
        PRIMARY KEY ("tenant_id", "playbook_key", "version")
      )`);
    await queryRunner.query(`
      CREATE FUNCTION "bot_engine"."refuse_published_playbook_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD."status" = 'published' THEN
          RAISE EXCEPTION 'published playbook version %/% is immutable', OLD."playbook_key", OLD."version"
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "playbook_versions_immutable_once_published"
        BEFORE UPDATE OR DELETE ON "bot_engine"."playbook_versions"
        FOR EACH ROW EXECUTE FUNCTION "bot_engine"."refuse_published_playbook_change"()`);
    await queryRunner.query(`
      ALTER TABLE "bot_engine"."bot_conversations"
        ADD COLUMN "status" varchar(20) NOT NULL DEFAULT 'bot',
        ADD COLUMN "turn_state" jsonb,
        ADD COLUMN "playbook_key" varchar(63),
        ADD COLUMN "playbook_version" integer,
        ADD COLUMN "jurisdiction" varchar(2),
        ADD COLUMN "page_url" varchar(500),
        ADD COLUMN "privacy_policy_url" varchar(500)`);
    await queryRunner.query(`
      CREATE TABLE "bot_engine"."captured_fields" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "conversation_id" uuid NOT NULL,
        "visitor_id" uuid NOT NULL,
        "field" varchar(10) NOT NULL CHECK ("field" IN ('email', 'phone', 'name', 'text')),
        "value_ciphertext" text NOT NULL,
        "blind_index" varchar(64),
        "captured_at" timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "captured_fields_conversation" ON "bot_engine"."captured_fields" ("conversation_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "captured_fields_lookup" ON "bot_engine"."captured_fields" ("tenant_id", "blind_index")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "bot_engine"."captured_fields"`);
    await queryRunner.query(`
      ALTER TABLE "bot_engine"."bot_conversations"
        DROP COLUMN "privacy_policy_url", DROP COLUMN "page_url", DROP COLUMN "jurisdiction",
        DROP COLUMN "playbook_version", DROP COLUMN "playbook_key", DROP COLUMN "turn_state", DROP COLUMN "status"`);
    await queryRunner.query(`DROP TABLE "bot_engine"."playbook_versions"`);
    await queryRunner.query(`DROP FUNCTION "bot_engine"."refuse_published_playbook_change"()`);
    await queryRunner.query(`DROP TABLE "bot_engine"."tenant_bots"`);
  }
}
