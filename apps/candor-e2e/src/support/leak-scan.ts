import type { RawKafka, TestDatabase } from '@candor/testing';

/** Every row of every table of every schema, as text, each prefixed with its table. */
export async function everyRow(database: TestDatabase): Promise<string[]> {
  const tables = await database.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  const rows: string[] = [];
  for (const table of tables) {
    const found = await database.query<{ row: string }>(
      `SELECT t::text AS row FROM "${table.schema}"."${table.name}" t`,
    );
    rows.push(...found.map((entry) => `${table.schema}.${table.name}: ${entry.row}`));
  }
  return rows;
}

/** Every record (key, headers, value) of every topic of a namespace, as raw bytes decoded leniently. */
export async function everyRecord(kafka: RawKafka, namespace: string): Promise<{ topic: string; bytes: string }[]> {
  const records: { topic: string; bytes: string }[] = [];
  for (const topic of await kafka.listTopics(`${namespace}.`)) {
    for (const record of await kafka.readAll(topic)) {
      const headers = Object.entries(record.headers ?? {})
        .map(([name, value]) => `${name}=${value?.toString('latin1')}`)
        .join(';');
      records.push({
        topic,
        bytes: `${record.key?.toString('latin1')}|${headers}|${record.value?.toString('latin1')}`,
      });
    }
  }
  return records;
}
