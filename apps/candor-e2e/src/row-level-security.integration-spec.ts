import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { SCOPE_SETTING, TENANT_POLICY, TENANT_SETTING } from '@candor/tenant-isolation';
import { waitFor } from '@candor/testing';
import { availableAgent, issueApiKey } from './support/bot-fixtures';
import { CandorStack, SERVICES, type ServiceName } from './support/candor-stack';
import { type TenantFixture, createTenant, startConversation } from './support/fixtures';

/** The platform's own tables: not a tenant's (the outbox relay publishes every tenant's events in one order). */
const PLATFORM_TABLES = [
  'consumer_deliveries',
  'migrations',
  'outbox_events',
  'processed_events',
  'rate_limit_windows',
];

/** Tables every tenant of this suite must have rows in, so the wall is seen holding something back. */
const POPULATED = [
  'conversation.tenants',
  'conversation.api_keys',
  'conversation.conversations',
  'conversation.messages',
  'conversation.audit_events',
  'bot_engine.api_keys',
  'bot_engine.bot_conversations',
  'handoff.agent_availability',
  'consent_ledger.consent_forms',
  'consent_ledger.ledger_entries',
  'consent_ledger.log_keys',
  'dsr.api_keys',
];

interface TenantTable {
  name: string;
  column: string;
}

/** The schema of `schema.table`: whose service's role reads it. */
function schemaOf(table: TenantTable): string {
  return table.name.split('.')[0];
}

/**
 * Row-level security as a second wall: the services run as a role that owns no table, every tenant table forces a
 * policy that admits only the rows of the tenant the transaction is scoped to, so a query that forgets its
 * `WHERE tenant_id` returns nothing of another tenant.
 */
describe('row-level security: every tenant table admits only the tenant of the transaction', () => {
  let stack: CandorStack;
  let tenants: TenantFixture[];
  let tenantTables: TenantTable[];
  const schemas = Object.values(SERVICES).map((service) => service.schema);

  beforeAll(async () => {
    stack = await CandorStack.start(Object.keys(SERVICES) as ServiceName[], { OUTBOX_POLL_INTERVAL_MS: '200' });
    tenants = [];
    for (const name of ['Clinic A', 'Clinic B']) {
      const tenant = await createTenant(stack.service('conversation'), stack.bootstrapKey, name);
      await populate(tenant);
      tenants.push(tenant);
    }
    tenantTables = await stack.database.query<TenantTable>(
      `SELECT c.table_schema || '.' || c.table_name AS "name", c.column_name AS "column"
       FROM information_schema.columns c
       WHERE c.table_schema = ANY($1) AND (c.column_name = 'tenant_id' OR (c.table_name = 'tenants' AND c.column_name = 'id'))
       ORDER BY 1`,
      [schemas],
    );
    // Both tenants' rows have reached every service before the wall is looked at.
    for (const table of POPULATED) {
      await waitFor(async () => (await tenantsIn(table)).size === 2, { what: `both tenants' rows in ${table}` });
    }
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** A tenant's data in every service: a chat with a message, an agent, a consent form and a decision. */
  async function populate(tenant: TenantFixture): Promise<void> {
    const conversation = stack.service('conversation');
    const chat = await startConversation(conversation, tenant.siteKey);
    const posted = await conversation.request('POST', `/v1/conversations/${chat.conversationId}/messages`, {
      token: chat.visitorToken,
      body: { text: 'What are your opening hours?' },
    });
    expect(posted.status).toBe(201);
    await availableAgent(conversation, stack.service('handoff'), tenant.adminKey);
    const integrator = await issueApiKey(conversation, tenant.adminKey, 'integrator');
    const ledger = stack.service('consent-ledger');
    await waitFor(
      async () =>
        (
          await ledger.request('POST', '/v1/consent-forms/newsletter/versions', {
            token: tenant.adminKey,
            body: { purpose: 'marketing_email', locale: 'en', text: 'May we email you our newsletter?' },
          })
        ).status === 201,
      { what: 'the admin key at the consent ledger' },
    );
    const recorded = await waitFor(
      async () => {
        const response = await ledger.request('POST', '/v1/consents', {
          token: integrator,
          body: { subjectId: randomUUID(), purpose: 'marketing_email', action: 'granted', formId: 'newsletter' },
        });
        return response.status === 201 ? response : undefined;
      },
      { what: 'the integrator key at the consent ledger' },
    );
    expect(recorded.status).toBe(201);
  }

  /** The tenants with rows in a table, seen by the owner in a cross-tenant scope (as an auditor would). */
  async function tenantsIn(table: string): Promise<Map<string, number>> {
    const column = table === 'conversation.tenants' ? 'id' : 'tenant_id';
    const rows = await stack.database.query<{ tenant: string; count: string }>(
      `SELECT "${column}"::text AS "tenant", count(*) AS "count" FROM ${table} GROUP BY 1`,
    );
    return new Map(rows.map((row) => [row.tenant, Number(row.count)]));
  }

  /**
   * Runs `work` as the role of the service owning `schema`, in a transaction scoped to `tenantId` (or to no one),
   * then rolls back.
   */
  function asService<T>(schema: string, tenantId: string | null, work: (client: Client) => Promise<T>): Promise<T> {
    return stack.database.withServiceClient(schema, async (client) => {
      await client.query('BEGIN');
      try {
        if (tenantId) await client.query(`SELECT set_config('${TENANT_SETTING}', $1, true)`, [tenantId]);
        return await work(client);
      } finally {
        await client.query('ROLLBACK');
      }
    });
  }

  it('forces a tenant policy on every table with a tenant column, in every schema; only the platform tables are outside', async () => {
    const tables = await stack.database.query<{
      name: string;
      table: string;
      enabled: boolean;
      forced: boolean;
      policies: string[];
    }>(
      `SELECT n.nspname || '.' || c.relname AS "name", c.relname AS "table", c.relrowsecurity AS "enabled",
              c.relforcerowsecurity AS "forced",
              coalesce(array(SELECT p.polname::text FROM pg_policy p WHERE p.polrelid = c.oid ORDER BY 1), '{}') AS "policies"
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ANY($1) AND c.relkind = 'r' ORDER BY 1`,
      [schemas],
    );
    const tenantNames = new Set(tenantTables.map((table) => table.name));
    expect(tenantNames.size).toBeGreaterThanOrEqual(30);
    for (const table of tables) {
      if (tenantNames.has(table.name)) {
        expect({ table: table.name, enabled: table.enabled, forced: table.forced, policies: table.policies }).toEqual({
          table: table.name,
          enabled: true,
          forced: true,
          policies: [TENANT_POLICY],
        });
      } else {
        expect({ table: table.name, platform: PLATFORM_TABLES.includes(table.table) }).toEqual({
          table: table.name,
          platform: true,
        });
      }
    }
    // No service's role owns a table (an owner could turn the policies off).
    for (const schema of schemas) {
      const owned = await stack.database.queryAsService<{ name: string }>(
        schema,
        `SELECT n.nspname || '.' || c.relname AS "name" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = ANY($1) AND c.relkind = 'r' AND pg_has_role(current_user, c.relowner, 'MEMBER')`,
        [schemas],
      );
      expect({ schema, owned }).toEqual({ schema, owned: [] });
    }
  });

  it("answers a query that forgets its WHERE tenant_id with the scoped tenant's rows only, in every table", async () => {
    const [a, b] = tenants;
    let heldBack = 0;
    for (const table of tenantTables) {
      const all = await tenantsIn(table.name);
      const seen = await asService(schemaOf(table), a.tenantId, async (client) => {
        const rows = (
          await client.query<{ tenant: string; count: string }>(
            `SELECT "${table.column}"::text AS "tenant", count(*) AS "count" FROM ${table.name} GROUP BY 1`,
          )
        ).rows;
        return new Map(rows.map((row) => [row.tenant, Number(row.count)]));
      });
      // Exactly what the owner sees of tenant A, and nothing of anyone else.
      expect({ table: table.name, seen: [...seen] }).toEqual({
        table: table.name,
        seen: all.has(a.tenantId) ? [[a.tenantId, all.get(a.tenantId)]] : [],
      });
      if (all.has(b.tenantId)) heldBack += 1;
    }
    expect(heldBack).toBeGreaterThanOrEqual(POPULATED.length);
  });

  it('shows no row at all to a transaction scoped to no tenant', async () => {
    for (const table of tenantTables) {
      const count = await asService(schemaOf(table), null, async (client) =>
        Number((await client.query<{ count: string }>(`SELECT count(*) AS "count" FROM ${table.name}`)).rows[0].count),
      );
      expect({ table: table.name, count }).toEqual({ table: table.name, count: 0 });
    }
    // Nor does a stale or empty scope left by a finished transaction.
    const leftover = await stack.database.withServiceClient('conversation', async (client) => {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('${TENANT_SETTING}', $1, true)`, [tenants[0].tenantId]);
      await client.query('COMMIT');
      return Number(
        (await client.query<{ count: string }>('SELECT count(*) AS "count" FROM conversation.messages')).rows[0].count,
      );
    });
    expect(leftover).toBe(0);
  });

  it("cannot change, delete or write another tenant's rows from a transaction scoped to one tenant", async () => {
    const [a, b] = tenants;
    const before = await tenantsIn('conversation.conversations');
    await asService('conversation', a.tenantId, async (client) => {
      // No WHERE at all: only the scoped tenant's rows are touched.
      const updated = await client.query(`UPDATE conversation.conversations SET "locale" = 'de'`);
      expect(updated.rowCount).toBe(before.get(a.tenantId));
    });
    await asService('handoff', a.tenantId, async (client) => {
      const deleted = await client.query('DELETE FROM handoff.agent_availability WHERE tenant_id = $1', [b.tenantId]);
      expect(deleted.rowCount).toBe(0);
      await expect(
        client.query('INSERT INTO handoff.offboarded_tenants (tenant_id, offboarded_at) VALUES ($1, now())', [
          b.tenantId,
        ]),
      ).rejects.toThrow(/row-level security/);
    });
    // And moving a row to another tenant is refused as well.
    await asService('handoff', a.tenantId, async (client) => {
      await expect(client.query('UPDATE handoff.agent_availability SET tenant_id = $1', [b.tenantId])).rejects.toThrow(
        /row-level security/,
      );
    });
    expect(await tenantsIn('conversation.conversations')).toEqual(before);
  });

  it('lets only an explicit cross-tenant scope see every tenant, as the credential lookups and sweeps use', async () => {
    const both = await stack.database.withServiceClient('conversation', async (client) => {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('${SCOPE_SETTING}', 'all-tenants:credential-lookup', true)`);
      const rows = (await client.query<{ id: string }>('SELECT id::text AS "id" FROM conversation.tenants')).rows;
      await client.query('ROLLBACK');
      return rows.map((row) => row.id).sort();
    });
    expect(both).toEqual(tenants.map((tenant) => tenant.tenantId).sort());
  });
});
