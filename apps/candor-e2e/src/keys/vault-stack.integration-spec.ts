import { VaultStandIn, waitFor } from '@candor/testing';
import { CandorStack } from '../support/candor-stack';
import { createTenant, startConversation, transcript } from '../support/fixtures';

/**
 * The services with KEY_PROVIDER=vault, against the Vault stand-in (no Vault
 * server can be installed here; see libs/testing/src/vault-stand-in.ts).
 */
describe('services on the Vault key provider (stand-in): keys in Transit and KV, failing closed', () => {
  let vault: VaultStandIn;
  let stack: CandorStack;

  beforeAll(async () => {
    vault = await new VaultStandIn().start();
    stack = await CandorStack.start(['conversation', 'bot-engine'], {
      KEY_PROVIDER: 'vault',
      VAULT_ADDR: vault.address,
      VAULT_TOKEN: vault.rootToken,
      KEY_CACHE_TTL_MS: '1000',
    });
  });

  afterAll(async () => {
    await stack?.stop();
    await vault?.stop();
  });

  it('runs the visitor path with keys from Vault, then answers 503 and fails readiness once Vault is sealed', async () => {
    const conversation = stack.service('conversation');
    const tenant = await createTenant(conversation, stack.bootstrapKey);
    const fixture = await startConversation(conversation, tenant.siteKey);
    const posted = await conversation.request('POST', `/v1/conversations/${fixture.conversationId}/messages`, {
      token: fixture.visitorToken,
      body: { text: 'encrypted through Vault' },
    });
    expect(posted.status).toBe(201);
    const postedId = (posted.body as { id: string }).id;
    await waitFor(async () => (await transcript(conversation, fixture)).some((m) => m.inReplyTo === postedId), {
      what: 'the bot reply',
    });
    const [stored] = await stack.database.query<{ text_ciphertext: string }>(
      `SELECT text_ciphertext FROM conversation.messages WHERE conversation_id = $1 AND sender_kind = 'visitor'`,
      [fixture.conversationId],
    );
    expect(stored.text_ciphertext).not.toContain('encrypted through Vault');

    vault.seal();
    try {
      // Cached keys expire (KEY_CACHE_TTL_MS=1000): after that nothing can be encrypted or read.
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      const refused = await conversation.request('POST', `/v1/conversations/${fixture.conversationId}/messages`, {
        token: fixture.visitorToken,
        body: { text: 'must not be stored in the clear' },
      });
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ code: 'key_service_unavailable' });
      const ready = await conversation.request<{ error: { keys: { status: string } } }>('GET', '/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.error.keys.status).toBe('down');
      const [{ count }] = await stack.database.query<{ count: string }>(
        `SELECT count(*) FROM conversation.messages WHERE conversation_id = $1 AND sender_kind = 'visitor'`,
        [fixture.conversationId],
      );
      expect(count).toBe('1');
    } finally {
      vault.unseal();
    }
  });
});
