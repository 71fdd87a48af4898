import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SHA-256 of the request an idempotency key was first used with, so a reuse of the key with another
 * request is refused (422) instead of silently answered with the first entry. Keys claimed before this
 * migration have none and keep answering as before.
 */
export class IdempotencyRequestDigest1765180800001 implements MigrationInterface {
  name = 'IdempotencyRequestDigest1765180800001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "consent_ledger"."idempotency_keys" ADD COLUMN "request_digest" char(64)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "consent_ledger"."idempotency_keys" DROP COLUMN "request_digest"`);
  }
}
