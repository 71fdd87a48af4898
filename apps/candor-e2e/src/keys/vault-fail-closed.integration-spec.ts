import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  KeyServiceUnavailableError,
  VAULT_DEFAULTS,
  type VaultAuth,
  VaultKeyManagementService,
  type VaultSettings,
  createVaultKeyManagement,
} from '@candor/crypto';
import { PrivateTestVault, RawKafka, freePort, waitFor } from '@candor/testing';
import { CandorStack } from '../support/candor-stack';
import { createTenant, startConversation, transcript } from '../support/fixtures';
import { everyRecord, everyRow } from '../support/leak-scan';

const SETUP_SCRIPT = join(__dirname, '../../../../infra/vault/setup.sh');
const POLICY_DIR = join(__dirname, '../../../../infra/vault/policies');

/**
 * Failing closed, on a real Vault server that this suite seals and stops: a private one (its own
 * folder and port, started by scripts/vault.sh like the shared one, prepared by infra/vault/setup.sh),
 * so the suites running alongside on the shared server never see it sealed. Also what needs a fresh
 * server or its root token: setup.sh run again, short token TTLs (renewal) and a Kubernetes login.
 */
describe('the Vault key provider failing closed on a real, sealed and stopped Vault', () => {
  let vault: PrivateTestVault;
  let auditLog: string;

  beforeAll(async () => {
    vault = await PrivateTestVault.start();
    // Vault's own record of every request, to count logins and renewals.
    auditLog = join(vault.directory, 'audit.log');
    const audit = await vault.api('POST', 'sys/audit/file', { type: 'file', options: { file_path: auditLog } });
    expect(audit.status).toBe(204);
  });

  afterAll(async () => {
    await vault?.destroy();
  });

  function settings(auth: VaultAuth): VaultSettings {
    return {
      address: vault.address,
      transitMount: VAULT_DEFAULTS.transitMount,
      kvMount: VAULT_DEFAULTS.kvMount,
      auth,
      requestTimeoutMs: 2_000,
    };
  }

  function asService(service: 'conversation' | 'dsr'): Promise<VaultKeyManagementService> {
    return createVaultKeyManagement(settings({ method: 'approle', mount: 'approle', ...vault.appRole(service) }));
  }

  /** Successful calls to a path, from Vault's audit log. */
  async function served(path: string): Promise<number> {
    const lines = (await readFile(auditLog, 'utf8')).split('\n').filter(Boolean);
    return lines
      .map((line) => JSON.parse(line) as { type: string; request?: { path?: string }; error?: string })
      .filter((entry) => entry.type === 'response' && entry.request?.path === path && !entry.error).length;
  }

  it('was prepared by infra/vault/setup.sh, which runs again without changing anything', async () => {
    const run = () =>
      promisify(execFile)('bash', [SETUP_SCRIPT], {
        env: { PATH: process.env.PATH, VAULT_ADDR: vault.address, VAULT_TOKEN: vault.rootToken },
      });
    const again = await run();
    expect(again.stdout).toContain('secrets engine candor-transit/ already enabled');
    expect(again.stdout).toContain('secrets engine candor-kv/ already enabled');
    expect(again.stdout).toContain('auth method approle/ already enabled');
    for (const service of ['conversation', 'bot-engine', 'handoff', 'consent-ledger', 'dsr'] as const) {
      expect(again.stdout).toContain(`candor-${service} role_id=${vault.appRole(service).roleId}`);
      const stored = await vault.api<{ data: { policy: string } }>('GET', `sys/policies/acl/candor-${service}`);
      expect(stored.body.data.policy.trim()).toBe((await readFile(join(POLICY_DIR, `${service}.hcl`), 'utf8')).trim());
    }
    // The secret ids issued before still log in.
    const kms = await asService('conversation');
    try {
      const tenantId = randomUUID();
      await kms.ensureTenantKey(tenantId);
      const dataKey = await kms.generateDataKey(tenantId);
      expect(await kms.putSubjectKey(tenantId, randomUUID(), dataKey.wrapped)).toBe(dataKey.wrapped);
    } finally {
      await kms.close();
    }
  });

  it('renews its token before it expires, and logs in again when the max TTL is near', async () => {
    const role = 'candor-renewal-test';
    await vault.api('POST', `auth/approle/role/${role}`, {
      token_policies: ['candor-conversation'],
      token_ttl: '2s',
      token_max_ttl: '3s',
    });
    const roleId = (await vault.api<{ data: { role_id: string } }>('GET', `auth/approle/role/${role}/role-id`)).body
      .data.role_id;
    const secretId = (await vault.api<{ data: { secret_id: string } }>('POST', `auth/approle/role/${role}/secret-id`))
      .body.data.secret_id;
    const renewalsBefore = await served('auth/token/renew-self');
    const loginsBefore = await served('auth/approle/login');
    const kms = await createVaultKeyManagement(settings({ method: 'approle', mount: 'approle', roleId, secretId }));
    try {
      const tenantId = randomUUID();
      await kms.ensureTenantKey(tenantId);
      // Two max TTLs later, every token the first login could have had is long expired.
      await new Promise((resolve) => setTimeout(resolve, 6_500));
      const dataKey = await kms.generateDataKey(tenantId);
      expect(await kms.unwrapDataKey(tenantId, dataKey.wrapped)).toEqual(dataKey.plaintext);
      expect(await kms.health()).toEqual({ ok: true });
      expect((await served('auth/token/renew-self')) - renewalsBefore).toBeGreaterThanOrEqual(1);
      expect((await served('auth/approle/login')) - loginsBefore).toBeGreaterThanOrEqual(2);
    } finally {
      await kms.close();
    }
  });

  it("logs in with Kubernetes using the service account's token file, and refuses another token", async () => {
    const uid = randomUUID();
    const jwt = serviceAccountJwt('candor', 'candor-dsr', uid);
    const tokenReview = await fakeTokenReview(jwt, uid);
    try {
      expect((await vault.api('POST', 'sys/auth/kubernetes', { type: 'kubernetes' })).status).toBe(204);
      const configured = await vault.api('POST', 'auth/kubernetes/config', {
        kubernetes_host: tokenReview.address,
        disable_local_ca_jwt: true,
      });
      expect(configured.status).toBeLessThan(300);
      const role = await vault.api('POST', 'auth/kubernetes/role/candor-dsr', {
        bound_service_account_names: ['candor-dsr'],
        bound_service_account_namespaces: ['candor'],
        token_policies: ['candor-dsr'],
        token_ttl: '1h',
      });
      expect(role.status).toBeLessThan(300);

      const jwtPath = join(vault.directory, 'service-account-token');
      await writeFile(jwtPath, `${jwt}\n`);
      const kubernetes = { method: 'kubernetes', mount: 'kubernetes', role: 'candor-dsr', jwtPath } as const;
      const kms = await createVaultKeyManagement(settings(kubernetes));
      try {
        expect(await kms.health()).toEqual({ ok: true });
        expect(await kms.listSubjectIds(randomUUID())).toEqual([]);
      } finally {
        await kms.close();
      }
      await writeFile(jwtPath, serviceAccountJwt('candor', 'candor-dsr', randomUUID()));
      await expect(createVaultKeyManagement(settings(kubernetes))).rejects.toThrow(/permission denied/);
    } finally {
      await new Promise((resolve) => tokenReview.server.close(resolve));
    }
  });

  it('refuses every key while Vault is sealed and while it is stopped, never handing one out, and recovers', async () => {
    const kms = await asService('conversation');
    try {
      const tenantId = randomUUID();
      const subjectId = randomUUID();
      await kms.ensureTenantKey(tenantId);
      const dataKey = await kms.generateDataKey(tenantId);
      await kms.putSubjectKey(tenantId, subjectId, dataKey.wrapped);

      await vault.seal();
      try {
        expect(await kms.health()).toEqual({ ok: false, detail: 'sealed' });
        const refusal = await kms.unwrapDataKey(tenantId, dataKey.wrapped).catch((error: unknown) => error);
        expect(refusal).toBeInstanceOf(KeyServiceUnavailableError);
        const message = String((refusal as Error).message);
        expect(message).toMatch(/HTTP 503/);
        for (const secret of [
          dataKey.plaintext.toString('base64'),
          dataKey.plaintext.toString('hex'),
          vault.rootToken,
        ]) {
          expect(message).not.toContain(secret);
        }
        await expect(kms.generateDataKey(tenantId)).rejects.toBeInstanceOf(KeyServiceUnavailableError);
        // A sealed Vault is not "no key for this subject": that would mint a second key.
        await expect(kms.getSubjectKey(tenantId, subjectId)).rejects.toBeInstanceOf(KeyServiceUnavailableError);
      } finally {
        await vault.unseal();
      }
      expect(await kms.health()).toEqual({ ok: true });
      expect(await kms.unwrapDataKey(tenantId, dataKey.wrapped)).toEqual(dataKey.plaintext);

      await vault.stop();
      try {
        expect(await kms.health()).toEqual({ ok: false, detail: 'unreachable' });
        await expect(kms.unwrapDataKey(tenantId, dataKey.wrapped)).rejects.toBeInstanceOf(KeyServiceUnavailableError);
        await expect(kms.getSubjectKey(tenantId, subjectId)).rejects.toBeInstanceOf(KeyServiceUnavailableError);
      } finally {
        // Back sealed, as a restarted Vault always is; `up` unseals it. The data and the token survived.
        await vault.restart();
      }
      expect(await kms.health()).toEqual({ ok: true });
      expect(await kms.getSubjectKey(tenantId, subjectId)).toBe(dataKey.wrapped);
      expect(await kms.unwrapDataKey(tenantId, dataKey.wrapped)).toEqual(dataKey.plaintext);
    } finally {
      await kms.close();
    }
  });

  describe('the services, each with its own AppRole', () => {
    let stack: CandorStack;

    beforeAll(async () => {
      stack = await CandorStack.start([]);
      for (const service of ['conversation', 'bot-engine'] as const) {
        await stack.startService(service, { ...vault.serviceEnvironment(service), KEY_CACHE_TTL_MS: '1000' });
      }
    });

    afterAll(async () => {
      await stack?.stop();
    });

    it('answer 503 key_service_unavailable, report keys down and store nothing while Vault is sealed or stopped', async () => {
      const conversation = stack.service('conversation');
      const tenant = await createTenant(conversation, stack.bootstrapKey);
      const fixture = await startConversation(conversation, tenant.siteKey);
      const post = (text: string) =>
        conversation.request('POST', `/v1/conversations/${fixture.conversationId}/messages`, {
          token: fixture.visitorToken,
          body: { text },
        });
      /** Posted and answered by the bot (nothing of it still in flight when Vault goes away). */
      const answered = async (text: string) => {
        const posted = await post(text);
        expect(posted.status).toBe(201);
        const postedId = (posted.body as { id: string }).id;
        await waitFor(async () => (await transcript(conversation, fixture)).some((m) => m.inReplyTo === postedId), {
          what: 'the bot reply',
        });
      };
      await answered('encrypted through Vault');
      const visitorMessages = async () =>
        (
          await stack.database.query<{ count: string }>(
            `SELECT count(*) FROM conversation.messages WHERE conversation_id = $1 AND sender_kind = 'visitor'`,
            [fixture.conversationId],
          )
        )[0].count;
      expect(await visitorMessages()).toBe('1');

      const refusedWhile = async (what: string) => {
        const before = await visitorMessages();
        // Cached keys expire (KEY_CACHE_TTL_MS=1000): after that nothing can be encrypted or read.
        await new Promise((resolve) => setTimeout(resolve, 1_200));
        const refused = await post(`must not be stored in the clear while ${what}`);
        expect(refused.status).toBe(503);
        expect(refused.body).toMatchObject({ code: 'key_service_unavailable' });
        const ready = await conversation.request<{ error: { keys: { status: string } } }>('GET', '/health/ready');
        expect(ready.status).toBe(503);
        expect(ready.body.error.keys.status).toBe('down');
        expect(await visitorMessages()).toBe(before);
      };

      await vault.seal();
      try {
        await refusedWhile('sealed');
      } finally {
        await vault.unseal();
      }
      await waitFor(async () => (await conversation.request('GET', '/health/ready')).status === 200, {
        what: 'readiness once unsealed',
      });
      await answered('after the unseal');

      await vault.stop();
      try {
        await refusedWhile('stopped');
      } finally {
        await vault.restart();
      }
      await waitFor(async () => (await conversation.request('GET', '/health/ready')).status === 200, {
        what: 'readiness once restarted',
      });
      await answered('after the restart');
      expect(await visitorMessages()).toBe('3');

      // Nowhere in the clear: no table, no Kafka record holds what was refused (nor what was accepted).
      const kafka = await new RawKafka().connect();
      try {
        const everything = [
          ...(await everyRow(stack.database)),
          ...(await everyRecord(kafka, stack.namespace)).map((record) => record.bytes),
        ].join('\n');
        for (const text of ['must not be stored in the clear', 'encrypted through Vault', 'after the unseal']) {
          expect(everything).not.toContain(text);
        }
      } finally {
        await kafka.disconnect();
      }
    });
  });
});

/** A service-account token as Kubernetes issues them (its signature is checked by TokenReview, here faked). */
function serviceAccountJwt(namespace: string, name: string, uid: string): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = { alg: 'RS256', typ: 'JWT', kid: 'candor-test' };
  const claims = {
    iss: 'kubernetes/serviceaccount',
    sub: `system:serviceaccount:${namespace}:${name}`,
    'kubernetes.io/serviceaccount/namespace': namespace,
    'kubernetes.io/serviceaccount/secret.name': `${name}-token`,
    'kubernetes.io/serviceaccount/service-account.name': name,
    'kubernetes.io/serviceaccount/service-account.uid': uid,
  };
  return `${encode(header)}.${encode(claims)}.${randomBytes(256).toString('base64url')}`;
}

/** The Kubernetes API's TokenReview, accepting exactly one token: what Vault asks to validate a login. */
async function fakeTokenReview(jwt: string, uid: string): Promise<{ server: Server; address: string }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const review = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { spec?: { token?: string } };
      const authenticated = request.url === '/apis/authentication.k8s.io/v1/tokenreviews' && review.spec?.token === jwt;
      const status = authenticated
        ? {
            authenticated: true,
            user: { username: 'system:serviceaccount:candor:candor-dsr', uid, groups: ['system:serviceaccounts'] },
          }
        : { authenticated: false, error: 'invalid bearer token' };
      response
        .writeHead(201, { 'content-type': 'application/json' })
        .end(JSON.stringify({ apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', status }));
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, address: `http://127.0.0.1:${port}` };
}
