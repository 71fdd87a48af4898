import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A grant made in the chat is pending until the consent ledger has recorded it (fail closed): the
 * conversation remembers it apart, and collected values are kept for a purpose (`purposes`) only once
 * it is recorded; until then it only holds them (`pending_purposes`), for at most the retention.
 */
export class PendingConsents1764921600000 implements MigrationInterface {
  name = 'PendingConsents1764921600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "bot_engine"."bot_conversations" ADD COLUMN "pending_consents" jsonb NOT NULL DEFAULT '{}'::jsonb`,
    );
    await queryRunner.query(
      `ALTER TABLE "bot_engine"."captured_fields" ADD COLUMN "pending_purposes" text[] NOT NULL DEFAULT '{}'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bot_engine"."captured_fields" DROP COLUMN "pending_purposes"`);
    await queryRunner.query(`ALTER TABLE "bot_engine"."bot_conversations" DROP COLUMN "pending_consents"`);
  }
}
