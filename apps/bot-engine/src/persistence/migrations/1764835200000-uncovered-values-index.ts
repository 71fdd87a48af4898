import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Values no consent covers are swept after a short retention: this partial index finds them. */
export class UncoveredValuesIndex1764835200000 implements MigrationInterface {
  name = 'UncoveredValuesIndex1764835200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "captured_fields_uncovered" ON "bot_engine"."captured_fields" ("captured_at")
       WHERE cardinality("purposes") = 0`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "bot_engine"."captured_fields_uncovered"`);
  }
}
