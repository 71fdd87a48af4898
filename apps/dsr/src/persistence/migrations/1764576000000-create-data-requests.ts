import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDataRequests1764576000000 implements MigrationInterface {
  name = 'CreateDataRequests1764576000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "dsr"."data_requests" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "subject_id" uuid NOT NULL,
        "kind" varchar(20) NOT NULL CHECK ("kind" IN ('erasure', 'access', 'unsubscribe')),
        "channel" varchar(20) NOT NULL,
        "conversation_id" uuid,
        "evidence_message_id" uuid,
        "status" varchar(20) NOT NULL CHECK ("status" IN ('received', 'completed', 'rejected')),
        "received_at" timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "data_requests_tenant_received" ON "dsr"."data_requests" ("tenant_id", "received_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "dsr"."data_requests"`);
  }
}
