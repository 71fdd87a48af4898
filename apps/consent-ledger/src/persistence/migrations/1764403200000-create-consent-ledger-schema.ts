import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createApiKeysTable } from '@candor/auth';
import { createMessagingTables, dropMessagingTables } from '@candor/messaging';

export class CreateConsentLedgerSchema1764403200000 implements MigrationInterface {
  name = 'CreateConsentLedgerSchema1764403200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createApiKeysTable(queryRunner, 'consent_ledger');
    await createMessagingTables(queryRunner, 'consent_ledger');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMessagingTables(queryRunner, 'consent_ledger');
    await queryRunner.query(`DROP TABLE "consent_ledger"."api_keys"`);
  }
}
