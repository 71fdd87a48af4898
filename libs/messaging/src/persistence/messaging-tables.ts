import type { MigrationInterface, QueryRunner } from 'typeorm';
import { assertSqlIdentifier } from './sql-identifier';

/** The LISTEN/NOTIFY channel on which a schema's outbox announces new rows. */
export function outboxChannel(schema: string): string {
  return `${assertSqlIdentifier(schema)}_outbox`;
}

/**
 * Creates the outbox (events waiting to be published, written in the same
 * transaction as the state change) and the inbox (ids of events already
 * handled, written in the same transaction as their effect) in a service's
 * schema. Called from each service's own first migration.
 */
export async function createMessagingTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  const s = assertSqlIdentifier(schema);
  await queryRunner.query(`
    CREATE TABLE "${s}"."outbox_events" (
      "position" bigserial PRIMARY KEY,
      "id" uuid NOT NULL UNIQUE,
      "topic" varchar(200) NOT NULL,
      "message_key" varchar(200) NOT NULL,
      "envelope" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "published_at" timestamptz
    )`);
  await queryRunner.query(
    `CREATE INDEX "outbox_events_unpublished" ON "${s}"."outbox_events" ("position") WHERE "published_at" IS NULL`,
  );
  await queryRunner.query(`
    CREATE FUNCTION "${s}"."notify_outbox"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('${outboxChannel(s)}', '');
      RETURN NULL;
    END $$`);
  await queryRunner.query(`
    CREATE TRIGGER "outbox_events_notify" AFTER INSERT ON "${s}"."outbox_events"
    FOR EACH STATEMENT EXECUTE FUNCTION "${s}"."notify_outbox"()`);
  await queryRunner.query(`
    CREATE TABLE "${s}"."processed_events" (
      "event_id" uuid PRIMARY KEY,
      "event_type" varchar(120) NOT NULL,
      "processed_at" timestamptz NOT NULL DEFAULT now()
    )`);
}

export async function dropMessagingTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  const s = assertSqlIdentifier(schema);
  await queryRunner.query(`DROP TABLE "${s}"."processed_events"`);
  await queryRunner.query(`DROP TABLE "${s}"."outbox_events"`);
  await queryRunner.query(`DROP FUNCTION "${s}"."notify_outbox"()`);
}

/**
 * Which records of each partition a consumer has started and not yet seen through: written (and committed)
 * before a handler runs, so a record that kills the process or hangs it is known at the next start and, after
 * `CONSUMER_MAX_CRASHES` such starts, dead-lettered instead of delivered again. Offsets and counts only.
 */
export async function createConsumerDeliveriesTable(queryRunner: QueryRunner, schema: string): Promise<void> {
  const s = assertSqlIdentifier(schema);
  await queryRunner.query(`
    CREATE TABLE "${s}"."consumer_deliveries" (
      "topic" varchar(249) NOT NULL,
      "partition" integer NOT NULL,
      "first_offset" bigint NOT NULL,
      "last_offset" bigint NOT NULL,
      "starts" integer NOT NULL,
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("topic", "partition")
    )`);
}

/** The same migration for every service's schema (the table belongs to the transport, not to a domain). */
export function consumerDeliveriesMigration(schema: string): new () => MigrationInterface {
  return class ConsumerDeliveries1765180800000 implements MigrationInterface {
    name = 'ConsumerDeliveries1765180800000';

    async up(queryRunner: QueryRunner): Promise<void> {
      await createConsumerDeliveriesTable(queryRunner, schema);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP TABLE "${assertSqlIdentifier(schema)}"."consumer_deliveries"`);
    }
  };
}
