import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose rows, once written, are evidence: nobody may change or remove them. */
const APPEND_ONLY = ['consent_forms', 'ledger_entries', 'ledger_nodes', 'tree_heads', 'log_keys'];

/**
 * Issue 5: consent forms, the per-tenant Merkle log (entries, the perfect-subtree nodes proofs are
 * built from, signed tree heads, the Ed25519 log key) and the log's right edge for fast appends.
 *
 * Append-only is enforced by the database for the service's own role: UPDATE, DELETE and TRUNCATE
 * are revoked on the evidence tables, and triggers refuse them for anyone who re-grants them. Only
 * a role that deliberately removes both (a DBA, an attacker) can alter a row, and then the signed
 * tree heads and `POST /v1/ledger/verify` show exactly which entry.
 */
export class CreateLedger1764576000000 implements MigrationInterface {
  name = 'CreateLedger1764576000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "consent_ledger"."consent_forms" (
        "tenant_id" uuid NOT NULL,
        "form_id" varchar(63) NOT NULL,
        "version" integer NOT NULL CHECK ("version" > 0),
        "purpose" varchar(63) NOT NULL,
        "locale" varchar(5) NOT NULL,
        "text" text NOT NULL,
        "text_hash" char(64) NOT NULL,
        "published_at" timestamptz NOT NULL,
        PRIMARY KEY ("tenant_id", "form_id", "version")
      )`);
    await queryRunner.query(`
      CREATE TABLE "consent_ledger"."ledger_entries" (
        "tenant_id" uuid NOT NULL,
        "leaf_index" bigint NOT NULL CHECK ("leaf_index" >= 0),
        "subject_id" uuid NOT NULL,
        "purpose" varchar(63) NOT NULL,
        "action" varchar(10) NOT NULL,
        "recorded_at" timestamptz NOT NULL,
        "canonical" text NOT NULL,
        "leaf_hash" bytea NOT NULL,
        PRIMARY KEY ("tenant_id", "leaf_index")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ledger_entries_subject" ON "consent_ledger"."ledger_entries" ("tenant_id", "subject_id", "purpose", "leaf_index")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ledger_entries_purpose_time" ON "consent_ledger"."ledger_entries" ("tenant_id", "purpose", "recorded_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ledger_entries_time" ON "consent_ledger"."ledger_entries" ("tenant_id", "recorded_at", "leaf_index")`,
    );
    await queryRunner.query(`
      CREATE TABLE "consent_ledger"."ledger_nodes" (
        "tenant_id" uuid NOT NULL,
        "level" smallint NOT NULL CHECK ("level" BETWEEN 0 AND 62),
        "index" bigint NOT NULL CHECK ("index" >= 0),
        "hash" bytea NOT NULL CHECK (length("hash") = 32),
        PRIMARY KEY ("tenant_id", "level", "index")
      )`);
    await queryRunner.query(`
      CREATE TABLE "consent_ledger"."tree_heads" (
        "tenant_id" uuid NOT NULL,
        "tree_size" bigint NOT NULL CHECK ("tree_size" > 0),
        "root_hash" bytea NOT NULL CHECK (length("root_hash") = 32),
        "timestamp" bigint NOT NULL,
        "signature" bytea NOT NULL,
        PRIMARY KEY ("tenant_id", "tree_size")
      )`);
    await queryRunner.query(`
      CREATE TABLE "consent_ledger"."log_keys" (
        "tenant_id" uuid PRIMARY KEY,
        "public_key" text NOT NULL,
        "sealed_private_key" text NOT NULL,
        "created_at" timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "consent_ledger"."log_frontiers" (
        "tenant_id" uuid PRIMARY KEY,
        "size" bigint NOT NULL,
        "hashes" jsonb NOT NULL,
        "updated_at" timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE FUNCTION "consent_ledger"."refuse_evidence_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of APPEND_ONLY) {
      await queryRunner.query(`
        CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "consent_ledger"."${table}"
          FOR EACH ROW EXECUTE FUNCTION "consent_ledger"."refuse_evidence_change"()`);
      await queryRunner.query(`
        CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "consent_ledger"."${table}"
          FOR EACH STATEMENT EXECUTE FUNCTION "consent_ledger"."refuse_evidence_change"()`);
      await queryRunner.query(
        `REVOKE UPDATE, DELETE, TRUNCATE ON "consent_ledger"."${table}" FROM PUBLIC, CURRENT_USER`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...APPEND_ONLY, 'log_frontiers']) {
      await queryRunner.query(`DROP TABLE "consent_ledger"."${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "consent_ledger"."refuse_evidence_change"()`);
  }
}
