import { CandorStack, SERVICES, type ServiceName } from './support/candor-stack';

/**
 * One database role per service: each runs as a role that owns nothing and that its migrations grant only its own
 * schema, so a service (or whoever holds its credentials) cannot read another service's data.
 */
describe("database roles: each service reads and writes its own schema and none of the others'", () => {
  let stack: CandorStack;
  const names = Object.keys(SERVICES) as ServiceName[];
  const schemas = names.map((name) => SERVICES[name].schema);

  beforeAll(async () => {
    stack = await CandorStack.start(names);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const roleOf = (schema: string) => new URL(stack.database.urlFor(schema)).username;

  it('runs every service as a role of its own, none of them the owner', () => {
    const roles = schemas.map(roleOf);
    expect(new Set(roles).size).toBe(schemas.length);
    expect(roles).not.toContain(new URL(stack.database.ownerUrl).username);
  });

  it("grants each role its own schema's tables and nothing in any other schema", async () => {
    for (const schema of schemas) {
      const role = roleOf(schema);
      const reach = await stack.database.query<{ schema: string; usage: boolean; readable: string; writable: string }>(
        `SELECT n.nspname AS "schema", has_schema_privilege($1, n.oid, 'USAGE') AS "usage",
                count(*) FILTER (WHERE has_table_privilege($1, c.oid, 'SELECT')) AS "readable",
                count(*) FILTER (WHERE has_table_privilege($1, c.oid, 'INSERT')) AS "writable"
         FROM pg_namespace n JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind = 'r'
         WHERE n.nspname = ANY($2) GROUP BY n.nspname, n.oid ORDER BY 1`,
        [role, schemas],
      );
      for (const row of reach) {
        const own = row.schema === schema;
        expect({ role, schema: row.schema, usage: row.usage, readsSome: Number(row.readable) > 0 }).toEqual({
          role,
          schema: row.schema,
          usage: own,
          readsSome: own,
        });
        if (!own)
          expect({ role, schema: row.schema, writable: row.writable }).toEqual({
            role,
            schema: row.schema,
            writable: '0',
          });
      }
    }
  });

  it("refuses a service's role a query on another service's table", async () => {
    await expect(
      stack.database.queryAsService('bot_engine', 'SELECT count(*) FROM conversation.messages'),
    ).rejects.toThrow(/permission denied/);
    await expect(
      stack.database.queryAsService('conversation', 'SELECT count(*) FROM consent_ledger.ledger_entries'),
    ).rejects.toThrow(/permission denied/);
    // Its own schema answers (row-level security then shows it no tenant's rows outside a tenant scope).
    await expect(
      stack.database.queryAsService('conversation', 'SELECT count(*) FROM conversation.messages'),
    ).resolves.toEqual([{ count: '0' }]);
  });
});
