import { BLIND_INDEX_KEY_ID, KeyDestroyedError, type KeyManagementService, SIGNING_KEY_ID } from '@candor/crypto';
import { KEY_MANAGEMENT } from '@candor/platform';
import { TestVault, type VaultServiceName, waitFor } from '@candor/testing';
import { CandorStack } from '../support/candor-stack';
import {
  FOLLOW_UP_PLAYBOOK,
  configureBot,
  issueApiKey,
  publishPlaybook,
  startChat,
  transcriptOf,
  visitorSays,
} from '../support/bot-fixtures';
import { type TenantFixture, createTenant } from '../support/fixtures';

const SERVICES: VaultServiceName[] = ['conversation', 'bot-engine', 'handoff', 'consent-ledger', 'dsr'];

/**
 * All five services on the real Vault `npm test` runs, each logged in with its own AppRole under its
 * own shipped policy (infra/vault/policies): onboarding, a visitor's email captured by the bot (the
 * tenant's blind-index key), the consent recorded in the ledger (its first append creates the tenant's
 * signing key), a signed tree head, and off-boarding (the tenant's Transit key destroyed).
 */
describe('the five services on the real Vault, each under its own policy', () => {
  let vault: TestVault;
  let stack: CandorStack;
  let tenant: TenantFixture;

  beforeAll(async () => {
    vault = TestVault.shared();
    stack = await CandorStack.start([]);
    for (const service of SERVICES) {
      await stack.startService(service, { ...vault.serviceEnvironment(service), OUTBOX_POLL_INTERVAL_MS: '200' });
    }
    tenant = await createTenant(stack.service('conversation'), stack.bootstrapKey, 'Vault Ltd');
    const botEngine = stack.service('bot-engine');
    await waitFor(async () => (await botEngine.request('GET', '/v1/bot', { token: tenant.adminKey })).status === 200, {
      what: 'the admin key at the bot engine',
    });
    await publishPlaybook(botEngine, tenant.adminKey, 'follow-up', FOLLOW_UP_PLAYBOOK);
    await configureBot(botEngine, tenant.adminKey, { activePlaybookKey: 'follow-up' });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const conversation = () => stack.service('conversation');

  it('keeps every key in Vault: visitors’, the blind index’s and the ledger’s signing key; nothing in the clear', async () => {
    const chat = await startChat(conversation(), tenant.siteKey, { locale: 'en' });
    await transcriptOf(conversation(), chat, 3);
    const email = `visitor-${chat.visitorId.slice(0, 8)}@example.com`;
    const asked = await visitorSays(conversation(), chat, email);
    expect(asked.replies.map((reply) => reply.text)).toEqual(['May we email you about it?']);
    await visitorSays(conversation(), chat, 'Yes', { quickReplyId: 'grant' });

    const captured = await waitFor(
      async () => {
        const rows = await stack.database.query<{ value_ciphertext: string; blind_index: string; purposes: string[] }>(
          'SELECT value_ciphertext, blind_index, purposes FROM bot_engine.captured_fields WHERE conversation_id = $1',
          [chat.conversationId],
        );
        return rows[0]?.purposes.includes('sales_contact') ? rows[0] : undefined;
      },
      { what: 'the grant recorded by the ledger' },
    );
    expect(captured.value_ciphertext).not.toContain(email);
    expect(captured.blind_index).not.toContain(email);
    const [message] = await stack.database.query<{ text_ciphertext: string }>(
      `SELECT text_ciphertext FROM conversation.messages WHERE conversation_id = $1 AND sender_kind = 'visitor'`,
      [chat.conversationId],
    );
    expect(message.text_ciphertext).not.toContain(email);

    // The ledger signs a tree head with its tenant's key, opened through Vault.
    const compliance = await issueApiKey(conversation(), tenant.adminKey, 'compliance');
    const ledger = stack.service('consent-ledger');
    const head = await waitFor(
      async () => {
        const answer = await ledger.request<{ treeSize: number }>('POST', '/v1/ledger/tree-heads', {
          token: compliance,
        });
        return answer.status === 200 ? answer : undefined;
      },
      { what: 'a signed tree head' },
    );
    expect(head.body.treeSize).toBeGreaterThanOrEqual(1);

    const listed = await vault.api<{ data: { keys: string[] } }>(
      'GET',
      `candor-kv/metadata/subject-keys/${tenant.tenantId}?list=true`,
    );
    expect(listed.body.data.keys).toEqual(expect.arrayContaining([chat.visitorId, BLIND_INDEX_KEY_ID, SIGNING_KEY_ID]));
  });

  it('off-boards a tenant: its Transit key is destroyed and nothing of it can be unwrapped any more', async () => {
    const leaving = await createTenant(conversation(), stack.bootstrapKey, 'Leaving Ltd');
    const chat = await startChat(conversation(), leaving.siteKey, { locale: 'en' });
    // The bot's answer first: off-boarding while a reply is being stored is another matter (it can answer 500).
    await visitorSays(conversation(), chat, 'Hello there');
    const kms = conversation().app.get<KeyManagementService>(KEY_MANAGEMENT);
    const wrapped = await waitFor(() => kms.getSubjectKey(leaving.tenantId, chat.visitorId), {
      what: "the visitor's key",
    });

    const offboarded = await conversation().request('DELETE', `/v1/tenants/${leaving.tenantId}`, {
      token: stack.bootstrapKey,
    });
    expect(offboarded.status).toBe(204);
    expect((await vault.api('GET', `candor-transit/keys/candor-tenant-${leaving.tenantId}`)).status).toBe(404);
    await expect(kms.unwrapDataKey(leaving.tenantId, wrapped)).rejects.toBeInstanceOf(KeyDestroyedError);
  });
});
