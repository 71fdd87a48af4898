import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys of recorded decisions (their SHA-256, never the client's key itself): a client
 * retrying after a lost answer gets the entry, not a twin.
 */
export class CreateIdempotencyKeys1764748800000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1764748800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "consent_ledger"."idempotency_keys" (
        "tenant_id" uuid NOT NULL,
        "key" char(64) NOT NULL,
        "leaf_index" bigint,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("tenant_id", "key")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "consent_ledger"."idempotency_keys"`);
  }
}
