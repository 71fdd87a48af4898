import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateKeyRotationTables1764489600000 implements MigrationInterface {
  name = 'CreateKeyRotationTables1764489600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "dsr"."key_rotations" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "key_version" integer NOT NULL,
        "subjects_rewrapped" integer NOT NULL,
        "erasures_covered" integer NOT NULL,
        "started_at" timestamptz NOT NULL,
        "completed_at" timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "key_rotations_tenant" ON "dsr"."key_rotations" ("tenant_id", "completed_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "dsr"."shredded_subject_keys" (
        "tenant_id" uuid NOT NULL,
        "subject_id" uuid NOT NULL,
        "key_destroyed_at" timestamptz NOT NULL,
        "rotation_id" uuid REFERENCES "dsr"."key_rotations" ("id"),
        "backups_unreadable_at" timestamptz,
        PRIMARY KEY ("tenant_id", "subject_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "shredded_subject_keys_awaiting" ON "dsr"."shredded_subject_keys" ("tenant_id") WHERE "rotation_id" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "dsr"."shredded_subject_keys"`);
    await queryRunner.query(`DROP TABLE "dsr"."key_rotations"`);
  }
}
