import { type RunningService, waitFor } from '@candor/testing';
import { CandorStack } from './support/candor-stack';
import { configureBot, issueApiKey, publishPlaybook } from './support/bot-fixtures';
import { type TenantFixture, createTenant } from './support/fixtures';

const PLAYBOOK = `
schemaVersion: 1
name: Intake
defaultLanguage: en
start: hello
nodes:
  hello:
    kind: end
    text: Hello!
`;

interface AuditEvent {
  id: string;
  tenantId: string;
  actorKind: string;
  actorKeyId: string | null;
  action: string;
  target: string | null;
}

/** Every administrative action leaves a trace its tenant's compliance staff can read, and nobody can rewrite. */
describe('audit trail of administrative actions', () => {
  let stack: CandorStack;
  let tenant: TenantFixture;
  let compliance: string;

  beforeAll(async () => {
    stack = await CandorStack.start(['conversation', 'bot-engine', 'consent-ledger']);
    tenant = await createTenant(stack.service('conversation'), stack.bootstrapKey);
    compliance = await issueApiKey(stack.service('conversation'), tenant.adminKey, 'compliance');
    for (const name of ['bot-engine', 'consent-ledger'] as const) {
      await waitFor(
        async () =>
          (await stack.service(name).request('GET', '/v1/auth/principal', { token: compliance })).status === 200 ||
          undefined,
        { what: `the compliance key at ${name}` },
      );
    }
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const keyIdOf = (apiKey: string) => apiKey.split('_')[1];

  async function trail(service: RunningService, token = compliance): Promise<AuditEvent[]> {
    const response = await service.request<AuditEvent[]>('GET', '/v1/audit-events', { token });
    expect(response.status).toBe(200);
    return response.body;
  }

  it('records who did what, by id, on each service', async () => {
    const conversation = stack.service('conversation');
    const admin = keyIdOf(tenant.adminKey);
    const agent = await conversation.request<{ keyId: string }>('POST', '/v1/api-keys', {
      token: tenant.adminKey,
      body: { role: 'agent' },
    });
    await conversation.request('DELETE', `/v1/api-keys/${agent.body.keyId}`, { token: tenant.adminKey });
    await conversation.request('PUT', '/v1/guard-policy', {
      token: tenant.adminKey,
      body: { actions: { ip: 'allow' } },
    });
    await conversation.request('POST', '/v1/privacy-notices', {
      token: tenant.adminKey,
      body: { version: '2026-12', text: 'We record this chat.', policyUrl: 'https://shop.example/privacy' },
    });
    const actions = (await trail(conversation)).map((event) => [event.action, event.actorKind, event.actorKeyId]);
    expect(actions).toEqual([
      ['tenant.created', 'operator', null],
      ['api_key.issued', 'operator', null],
      ['api_key.issued', 'api-key', admin],
      ['api_key.issued', 'api-key', admin],
      ['api_key.revoked', 'api-key', admin],
      ['guard_policy.changed', 'api-key', admin],
      ['privacy_notice.published', 'api-key', admin],
    ]);

    const botEngine = stack.service('bot-engine');
    const version = await publishPlaybook(botEngine, tenant.adminKey, 'intake', PLAYBOOK);
    await configureBot(botEngine, tenant.adminKey, {});
    expect((await trail(botEngine)).map((event) => [event.action, event.target])).toEqual([
      ['playbook_version.added', `intake/${version}`],
      ['playbook_version.published', `intake/${version}`],
      ['bot.updated', null],
    ]);

    const ledger = stack.service('consent-ledger');
    const form = await ledger.request('POST', '/v1/consent-forms/newsletter/versions', {
      token: tenant.adminKey,
      body: { purpose: 'marketing_email', locale: 'en', text: 'May we email you?' },
    });
    expect(form.status).toBe(201);
    expect((await trail(ledger)).map((event) => [event.action, event.target])).toEqual([
      ['consent_form_version.published', 'newsletter/1'],
    ]);
  });

  it('shows a tenant only its own trail, to compliance and admins only', async () => {
    const other = await createTenant(stack.service('conversation'), stack.bootstrapKey, 'Other Inc');
    const theirs = await trail(stack.service('conversation'), other.adminKey);
    expect(new Set(theirs.map((event) => event.tenantId))).toEqual(new Set([other.tenantId]));
    const agent = await issueApiKey(stack.service('conversation'), tenant.adminKey, 'agent');
    const refused = await stack.service('conversation').request('GET', '/v1/audit-events', { token: agent });
    expect(refused.status).toBe(403);
  });

  it("cannot be rewritten by the service's own database role", async () => {
    const asService = await stack.database.query<{ insert: boolean; update: boolean; delete: boolean }>(
      `SELECT has_table_privilege($1, 'conversation.audit_events', 'INSERT') AS "insert",
              has_table_privilege($1, 'conversation.audit_events', 'UPDATE') AS "update",
              has_table_privilege($1, 'conversation.audit_events', 'DELETE') AS "delete"`,
      [new URL(stack.database.urlFor('conversation')).username],
    );
    expect(asService).toEqual([{ insert: true, update: false, delete: false }]);
  });
});
