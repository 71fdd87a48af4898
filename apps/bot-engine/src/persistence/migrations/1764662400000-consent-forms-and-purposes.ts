import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 5: the bot keeps the current published version of each consent form (from the ledger's
 * events) to show it and record exactly what was shown; collected values remember the purposes the
 * visitor granted, so a withdrawal deletes what was kept only for it.
 */
export class ConsentFormsAndPurposes1764662400000 implements MigrationInterface {
  name = 'ConsentFormsAndPurposes1764662400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "bot_engine"."consent_forms" (
        "tenant_id" uuid NOT NULL,
        "form_id" varchar(63) NOT NULL,
        "locale" varchar(5) NOT NULL,
        "version" integer NOT NULL,
        "purpose" varchar(63) NOT NULL,
        "text" text NOT NULL,
        "text_hash" char(64) NOT NULL,
        PRIMARY KEY ("tenant_id", "form_id", "locale")
      )`);
    await queryRunner.query(
      `ALTER TABLE "bot_engine"."captured_fields" ADD COLUMN "purposes" text[] NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `CREATE INDEX "captured_fields_visitor" ON "bot_engine"."captured_fields" ("tenant_id", "visitor_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "bot_engine"."captured_fields_visitor"`);
    await queryRunner.query(`ALTER TABLE "bot_engine"."captured_fields" DROP COLUMN "purposes"`);
    await queryRunner.query(`DROP TABLE "bot_engine"."consent_forms"`);
  }
}
