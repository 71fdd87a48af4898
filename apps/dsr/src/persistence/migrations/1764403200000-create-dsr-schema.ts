import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createApiKeysTable } from '@candor/auth';
import { createMessagingTables, dropMessagingTables } from '@candor/messaging';

export class CreateDsrSchema1764403200000 implements MigrationInterface {
  name = 'CreateDsrSchema1764403200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createApiKeysTable(queryRunner, 'dsr');
    await createMessagingTables(queryRunner, 'dsr');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMessagingTables(queryRunner, 'dsr');
    await queryRunner.query(`DROP TABLE "dsr"."api_keys"`);
  }
}
