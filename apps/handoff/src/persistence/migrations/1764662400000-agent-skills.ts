import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Agents also say which skills they have, so a hand-off that needs one (e.g. a trained team) finds them. */
export class AgentSkills1764662400000 implements MigrationInterface {
  name = 'AgentSkills1764662400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "handoff"."agent_availability" ADD COLUMN "skills" text[] NOT NULL DEFAULT '{}'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "handoff"."agent_availability" DROP COLUMN "skills"`);
  }
}
