import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The queue as the conversation service announced it: one row per conversation waiting for a person, so a
 * sweep can tell the visitor when nobody took it in time. Ids and times only, no personal data.
 */
export class QueueEntries1765094400000 implements MigrationInterface {
  name = 'QueueEntries1765094400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "handoff"."queue_entries" (
        "conversation_id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "visitor_id" uuid,
        "waiting_since" timestamptz NOT NULL,
        "timed_out_at" timestamptz,
        "correlation_id" uuid NOT NULL,
        "causation_id" uuid NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "queue_entries_due" ON "handoff"."queue_entries" ("waiting_since") WHERE "timed_out_at" IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "queue_entries_tenant" ON "handoff"."queue_entries" ("tenant_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "handoff"."queue_entries"`);
  }
}
