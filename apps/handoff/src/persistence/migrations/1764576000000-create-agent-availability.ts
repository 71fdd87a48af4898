import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAgentAvailability1764576000000 implements MigrationInterface {
  name = 'CreateAgentAvailability1764576000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "handoff"."agent_availability" (
        "key_id" varchar(16) PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "available" boolean NOT NULL,
        "teams" text[] NOT NULL DEFAULT '{}',
        "updated_at" timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "agent_availability_tenant" ON "handoff"."agent_availability" ("tenant_id") WHERE "available"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "handoff"."agent_availability"`);
  }
}
