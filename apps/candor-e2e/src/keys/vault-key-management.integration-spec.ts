import { randomUUID } from 'node:crypto';
import { TestVault, type VaultServiceName, freePort } from '@candor/testing';
import {
  BLIND_INDEX_KEY_ID,
  KeyDestroyedError,
  type KeyManagementService,
  KeyServiceUnavailableError,
  SIGNING_KEY_ID,
  VAULT_DEFAULTS,
  type VaultAuth,
  VaultKeyManagementService,
  type VaultSettings,
  createVaultKeyManagement,
} from '@candor/crypto';
import { describeKeyManagementContract } from '@candor/crypto/testing';

/**
 * The Vault key provider against the real Vault server `npm test` runs (scripts/vault.sh: Vault v1.21.4
 * prepared by infra/vault/setup.sh), every call made with a service's own AppRole under its shipped policy.
 * Nothing here seals or stops that server: it is shared with the suites running alongside (the
 * fail-closed tests seal a server of their own, vault-fail-closed.integration-spec.ts). Tenants are
 * random ids, so this suite's Transit keys and KV entries are its own.
 */

function settings(address: string, auth: VaultAuth): VaultSettings {
  return {
    address,
    transitMount: VAULT_DEFAULTS.transitMount,
    kvMount: VAULT_DEFAULTS.kvMount,
    auth,
    requestTimeoutMs: 5_000,
  };
}

function logIn(vault: TestVault, service: VaultServiceName): Promise<VaultKeyManagementService> {
  return createVaultKeyManagement(
    settings(vault.address, { method: 'approle', mount: 'approle', ...vault.appRole(service) }),
  );
}

/**
 * One key service made of two logins, each operation sent by the service that makes it in Candor:
 * conversation creates tenant keys (onboarding), stores visitors' keys and destroys tenant keys
 * (off-boarding); dsr rotates, re-wraps, lists and shreds (erasure and rotation).
 */
function asInCandor(conversation: KeyManagementService, dsr: KeyManagementService): KeyManagementService {
  return {
    provider: 'vault',
    ensureTenantKey: (tenantId) => conversation.ensureTenantKey(tenantId),
    generateDataKey: (tenantId) => conversation.generateDataKey(tenantId),
    unwrapDataKey: (tenantId, wrapped) => conversation.unwrapDataKey(tenantId, wrapped),
    putSubjectKey: (tenantId, subjectId, wrapped) => conversation.putSubjectKey(tenantId, subjectId, wrapped),
    getSubjectKey: (tenantId, subjectId) => conversation.getSubjectKey(tenantId, subjectId),
    destroyTenantKey: (tenantId) => conversation.destroyTenantKey(tenantId),
    rewrapDataKey: (tenantId, wrapped) => dsr.rewrapDataKey(tenantId, wrapped),
    rotateTenantKey: (tenantId) => dsr.rotateTenantKey(tenantId),
    describeTenantKey: (tenantId) => dsr.describeTenantKey(tenantId),
    setMinDecryptionVersion: (tenantId, version) => dsr.setMinDecryptionVersion(tenantId, version),
    replaceSubjectKey: (tenantId, subjectId, wrapped) => dsr.replaceSubjectKey(tenantId, subjectId, wrapped),
    listSubjectIds: (tenantId) => dsr.listSubjectIds(tenantId),
    destroySubjectKey: (tenantId, subjectId) => dsr.destroySubjectKey(tenantId, subjectId),
    health: () => conversation.health(),
    close: async () => {
      await conversation.close();
      await dsr.close();
    },
  };
}

describeKeyManagementContract('Vault v1.21.4, each call made by its service with its own AppRole', async () => {
  const vault = TestVault.shared();
  const kms = asInCandor(await logIn(vault, 'conversation'), await logIn(vault, 'dsr'));
  return { kms, cleanup: () => kms.close() };
});

/** What a policy refuses: Vault's 403, which the provider reports as unavailable (fail closed), never as "no key". */
async function expectRefused(call: Promise<unknown>): Promise<void> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(KeyServiceUnavailableError);
  expect(String((error as Error).message)).toMatch(/permission denied/);
}

describe('the shipped Vault policies: each service may do what its code does, and nothing more', () => {
  let vault: TestVault;
  const services = new Map<VaultServiceName, VaultKeyManagementService>();
  const as = (service: VaultServiceName): VaultKeyManagementService => {
    const kms = services.get(service);
    if (!kms) throw new Error(`${service} is not logged in`);
    return kms;
  };
  let tenantId: string;
  let visitorId: string;
  let visitorKey: { plaintext: Buffer; wrapped: string };

  beforeAll(async () => {
    vault = TestVault.shared();
    for (const service of ['conversation', 'bot-engine', 'handoff', 'consent-ledger', 'dsr'] as const) {
      services.set(service, await logIn(vault, service));
    }
    // Onboarding and a visitor's first message, as the conversation service does them.
    tenantId = randomUUID();
    visitorId = randomUUID();
    await as('conversation').ensureTenantKey(tenantId);
    visitorKey = await as('conversation').generateDataKey(tenantId);
    await as('conversation').putSubjectKey(tenantId, visitorId, visitorKey.wrapped);
  });

  afterAll(async () => {
    for (const kms of services.values()) await kms.close();
  });

  it('lets every service read visitors’ keys and make data keys, and only conversation create tenant keys', async () => {
    for (const service of services.keys()) {
      expect(await as(service).getSubjectKey(tenantId, visitorId)).toBe(visitorKey.wrapped);
      expect(await as(service).unwrapDataKey(tenantId, visitorKey.wrapped)).toEqual(visitorKey.plaintext);
      const fresh = await as(service).generateDataKey(tenantId);
      expect(await as(service).unwrapDataKey(tenantId, fresh.wrapped)).toEqual(fresh.plaintext);
    }
    for (const service of ['bot-engine', 'handoff', 'consent-ledger', 'dsr'] as const) {
      await expectRefused(as(service).ensureTenantKey(randomUUID()));
    }
  });

  it("lets only conversation store a visitor's key, create-only: nobody overwrites one", async () => {
    const newcomer = randomUUID();
    const { wrapped } = await as('conversation').generateDataKey(tenantId);
    for (const service of ['bot-engine', 'handoff', 'consent-ledger'] as const) {
      await expectRefused(as(service).putSubjectKey(tenantId, newcomer, wrapped));
      await expectRefused(as(service).replaceSubjectKey(tenantId, visitorId, wrapped));
    }
    expect(await as('conversation').putSubjectKey(tenantId, newcomer, wrapped)).toBe(wrapped);
    // Overwriting is refused; the first writer's key stays.
    await expectRefused(as('conversation').replaceSubjectKey(tenantId, visitorId, wrapped));
    expect(await as('conversation').getSubjectKey(tenantId, visitorId)).toBe(visitorKey.wrapped);
  });

  it("lets the bot engine create the tenant's blind-index key (capturing an email or phone), and the ledger its signing key", async () => {
    const indexKey = await as('bot-engine').generateDataKey(tenantId);
    expect(await as('bot-engine').putSubjectKey(tenantId, BLIND_INDEX_KEY_ID, indexKey.wrapped)).toBe(indexKey.wrapped);
    const signingKey = await as('consent-ledger').generateDataKey(tenantId);
    expect(await as('consent-ledger').putSubjectKey(tenantId, SIGNING_KEY_ID, signingKey.wrapped)).toBe(
      signingKey.wrapped,
    );
    // A second writer of either gets the first one back (the create-only policy refuses to overwrite it).
    const late = await as('bot-engine').generateDataKey(tenantId);
    expect(await as('bot-engine').putSubjectKey(tenantId, BLIND_INDEX_KEY_ID, late.wrapped)).toBe(indexKey.wrapped);
    // Each only its own reserved key.
    const other = randomUUID();
    await expectRefused(as('bot-engine').putSubjectKey(other, SIGNING_KEY_ID, late.wrapped));
    await expectRefused(as('consent-ledger').putSubjectKey(other, BLIND_INDEX_KEY_ID, late.wrapped));
    await expectRefused(as('handoff').putSubjectKey(other, BLIND_INDEX_KEY_ID, late.wrapped));
  });

  it('lets only dsr rotate, re-wrap, list, replace and shred', async () => {
    const tenant = randomUUID();
    const subject = randomUUID();
    await as('conversation').ensureTenantKey(tenant);
    const dataKey = await as('conversation').generateDataKey(tenant);
    await as('conversation').putSubjectKey(tenant, subject, dataKey.wrapped);
    for (const service of ['conversation', 'bot-engine', 'handoff', 'consent-ledger'] as const) {
      await expectRefused(as(service).rotateTenantKey(tenant));
      await expectRefused(as(service).rewrapDataKey(tenant, dataKey.wrapped));
      await expectRefused(as(service).listSubjectIds(tenant));
      await expectRefused(as(service).destroySubjectKey(tenant, subject));
      await expectRefused(as(service).describeTenantKey(tenant));
    }
    expect(await as('dsr').rotateTenantKey(tenant)).toBe(2);
    expect(await as('dsr').listSubjectIds(tenant)).toEqual([subject]);
    await as('dsr').replaceSubjectKey(tenant, subject, await as('dsr').rewrapDataKey(tenant, dataKey.wrapped));
    await as('dsr').setMinDecryptionVersion(tenant, 2);
    await expect(as('conversation').unwrapDataKey(tenant, dataKey.wrapped)).rejects.toBeInstanceOf(KeyDestroyedError);
    await as('dsr').destroySubjectKey(tenant, subject);
    expect(await as('conversation').getSubjectKey(tenant, subject)).toBeUndefined();
  });

  it("lets only conversation destroy a tenant's key (off-boarding), which makes its data keys unreadable", async () => {
    const leaving = randomUUID();
    await as('conversation').ensureTenantKey(leaving);
    const dataKey = await as('conversation').generateDataKey(leaving);
    for (const service of ['bot-engine', 'handoff', 'consent-ledger', 'dsr'] as const) {
      await expectRefused(as(service).destroyTenantKey(leaving));
    }
    expect(await as('dsr').describeTenantKey(leaving)).toEqual({ latestVersion: 1, minDecryptionVersion: 1 });

    await as('conversation').destroyTenantKey(leaving);
    await as('conversation').destroyTenantKey(leaving);
    for (const service of services.keys()) {
      await expect(as(service).unwrapDataKey(leaving, dataKey.wrapped)).rejects.toBeInstanceOf(KeyDestroyedError);
    }
    const transitKey = await vault.api('GET', `${VAULT_DEFAULTS.transitMount}/keys/candor-tenant-${leaving}`);
    expect(transitKey.status).toBe(404);
  });

  it("does not let conversation change a tenant key's settings beyond allowing its deletion", async () => {
    const tenant = randomUUID();
    await as('conversation').ensureTenantKey(tenant);
    const token = await tokenOf(vault, 'conversation');
    const path = `${VAULT_DEFAULTS.transitMount}/keys/candor-tenant-${tenant}/config`;
    for (const body of [{ min_decryption_version: 1 }, { exportable: true }, { deletion_allowed: false }]) {
      const answer = await fetch(`${vault.address}/v1/${path}`, {
        method: 'POST',
        headers: { 'X-Vault-Token': token, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(answer.status).toBe(403);
    }
  });
});

/** A token of the service's AppRole, for raw calls its key service never makes. */
async function tokenOf(vault: TestVault, service: VaultServiceName): Promise<string> {
  const { roleId, secretId } = vault.appRole(service);
  const answer = await fetch(`${vault.address}/v1/auth/approle/login`, {
    method: 'POST',
    body: JSON.stringify({ role_id: roleId, secret_id: secretId }),
  });
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { auth: { client_token: string } }).auth.client_token;
}

describe('Vault logins and failures, on the real server', () => {
  it('logs in with AppRole, and refuses a wrong secret id', async () => {
    const vault = TestVault.shared();
    const kms = await logIn(vault, 'handoff');
    try {
      expect(await kms.health()).toEqual({ ok: true });
    } finally {
      await kms.close();
    }
    const { roleId } = vault.appRole('handoff');
    await expect(
      createVaultKeyManagement(
        settings(vault.address, { method: 'approle', mount: 'approle', roleId, secretId: randomUUID() }),
      ),
    ).rejects.toThrow(/invalid (role or )?secret id/i);
  });

  it('refuses a token Vault does not know as unavailable', async () => {
    const vault = TestVault.shared();
    const kms = new VaultKeyManagementService(settings(vault.address, { method: 'token', token: 'hvs.unknown' }));
    try {
      await expect(kms.generateDataKey(randomUUID())).rejects.toBeInstanceOf(KeyServiceUnavailableError);
    } finally {
      await kms.close();
    }
  });

  it('reports an unreachable Vault as unavailable, never as a missing key', async () => {
    const address = `http://127.0.0.1:${await freePort()}`;
    const kms = new VaultKeyManagementService(settings(address, { method: 'token', token: 'any' }));
    try {
      expect(await kms.health()).toEqual({ ok: false, detail: 'unreachable' });
      await expect(kms.unwrapDataKey(randomUUID(), 'vault:v1:AAAA')).rejects.toBeInstanceOf(KeyServiceUnavailableError);
      await expect(kms.getSubjectKey(randomUUID(), randomUUID())).rejects.toBeInstanceOf(KeyServiceUnavailableError);
    } finally {
      await kms.close();
    }
  });
});
