import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createApiKeysTable } from '@candor/auth';
import { createMessagingTables, dropMessagingTables } from '@candor/messaging';

export class CreateHandoffSchema1764403200000 implements MigrationInterface {
  name = 'CreateHandoffSchema1764403200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createApiKeysTable(queryRunner, 'handoff');
    await createMessagingTables(queryRunner, 'handoff');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMessagingTables(queryRunner, 'handoff');
    await queryRunner.query(`DROP TABLE "handoff"."api_keys"`);
  }
}
