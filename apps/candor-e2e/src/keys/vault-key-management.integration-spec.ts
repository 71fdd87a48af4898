import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { VaultStandIn } from '@candor/testing';
import {
  KeyServiceUnavailableError,
  VAULT_DEFAULTS,
  type VaultAuth,
  VaultKeyManagementService,
  type VaultSettings,
  createVaultKeyManagement,
} from '@candor/crypto';
import { describeKeyManagementContract } from '@candor/crypto/testing';

const SETUP_SCRIPT = join(__dirname, '../../../../infra/vault/setup.sh');
const POLICY_DIR = join(__dirname, '../../../../infra/vault/policies');

function settings(address: string, auth: VaultAuth): VaultSettings {
  return {
    address,
    namespace: process.env.VAULT_NAMESPACE,
    transitMount: VAULT_DEFAULTS.transitMount,
    kvMount: VAULT_DEFAULTS.kvMount,
    auth,
    requestTimeoutMs: 2_000,
  };
}

/** The setup steps the key service needs (as in infra/vault/setup.sh): Transit and KV v2 where Candor expects them. */
async function enableCandorEngines(address: string, token: string): Promise<void> {
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${address}/v1/${path}`, {
      method,
      headers: { 'X-Vault-Token': token, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const listing = (await (await call('GET', 'sys/mounts')).json()) as { data?: Record<string, unknown> };
  const engines: [string, unknown][] = [
    [VAULT_DEFAULTS.transitMount, { type: 'transit' }],
    [VAULT_DEFAULTS.kvMount, { type: 'kv', options: { version: '2' } }],
  ];
  for (const [path, body] of engines) {
    if (listing.data && `${path}/` in listing.data) continue;
    const answer = await call('POST', `sys/mounts/${path}`, body);
    if (!answer.ok) throw new Error(`Enabling ${path} failed: HTTP ${answer.status} ${await answer.text()}`);
  }
}

const { VAULT_ADDR, VAULT_TOKEN } = process.env;

if (VAULT_ADDR && VAULT_TOKEN) {
  describeKeyManagementContract(`Vault at ${VAULT_ADDR}`, async () => {
    await enableCandorEngines(VAULT_ADDR, VAULT_TOKEN);
    const kms = await createVaultKeyManagement(settings(VAULT_ADDR, { method: 'token', token: VAULT_TOKEN }));
    return { kms, cleanup: () => kms.close() };
  });
} else {
  describeKeyManagementContract('Vault stand-in (not Vault: no Vault server can be installed here)', async () => {
    const standIn = await new VaultStandIn({ bare: true }).start();
    await enableCandorEngines(standIn.address, standIn.rootToken);
    const kms = await createVaultKeyManagement(
      settings(standIn.address, { method: 'token', token: standIn.rootToken }),
    );
    return {
      kms,
      cleanup: async () => {
        await kms.close();
        await standIn.stop();
      },
    };
  });
}

// Sealing, short TTLs and login roles cannot be arranged on a shared Vault: these run on the stand-in only.
describe('Vault key service on the Vault stand-in', () => {
  let standIn: VaultStandIn;
  let scratch: string;

  beforeAll(async () => {
    standIn = await new VaultStandIn().start();
    scratch = await mkdtemp(join(tmpdir(), 'candor-vault-'));
  });

  afterAll(async () => {
    await standIn?.stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  afterEach(() => {
    standIn.unseal();
    standIn.setTokenTtl(3600);
  });

  function rootSettings(): VaultSettings {
    return settings(standIn.address, { method: 'token', token: standIn.rootToken });
  }

  it('logs in with AppRole, and refuses a wrong secret id', async () => {
    standIn.addAppRole('role-conversation', 'secret-conversation');
    const approle = { method: 'approle', mount: 'approle', roleId: 'role-conversation' } as const;
    const kms = await createVaultKeyManagement(
      settings(standIn.address, { ...approle, secretId: 'secret-conversation' }),
    );
    try {
      const tenantId = randomUUID();
      await kms.ensureTenantKey(tenantId);
      const dataKey = await kms.generateDataKey(tenantId);
      expect(await kms.unwrapDataKey(tenantId, dataKey.wrapped)).toEqual(dataKey.plaintext);
    } finally {
      await kms.close();
    }
    await expect(
      createVaultKeyManagement(settings(standIn.address, { ...approle, secretId: 'not-the-secret' })),
    ).rejects.toThrow(/invalid role or secret ID/);
  });

  it("logs in with Kubernetes using the service account's token file, and refuses another token", async () => {
    const jwtPath = join(scratch, 'token');
    await writeFile(jwtPath, 'service-account-jwt\n');
    standIn.addKubernetesRole('candor-dsr', 'service-account-jwt');
    const kubernetes = { method: 'kubernetes', mount: 'kubernetes', role: 'candor-dsr', jwtPath } as const;
    const kms = await createVaultKeyManagement(settings(standIn.address, kubernetes));
    try {
      expect(await kms.health()).toEqual({ ok: true });
      await kms.ensureTenantKey(randomUUID());
    } finally {
      await kms.close();
    }
    await writeFile(jwtPath, 'another-jwt');
    await expect(createVaultKeyManagement(settings(standIn.address, kubernetes))).rejects.toThrow(/permission denied/);
  });

  it('renews its token before it expires, and logs in again when the max TTL is near', async () => {
    standIn.setTokenTtl(2, 3);
    standIn.addAppRole('role-renewal', 'secret-renewal');
    const renewalsBefore = standIn.counts.renewals;
    const loginsBefore = standIn.counts.logins;
    const kms = await createVaultKeyManagement(
      settings(standIn.address, {
        method: 'approle',
        mount: 'approle',
        roleId: 'role-renewal',
        secretId: 'secret-renewal',
      }),
    );
    try {
      const tenantId = randomUUID();
      await kms.ensureTenantKey(tenantId);
      // Two max TTLs later, every token the first login could have had is long expired.
      await new Promise((resolve) => setTimeout(resolve, 4_500));
      const dataKey = await kms.generateDataKey(tenantId);
      expect(await kms.unwrapDataKey(tenantId, dataKey.wrapped)).toEqual(dataKey.plaintext);
      expect(await kms.health()).toEqual({ ok: true });
      expect(standIn.counts.renewals - renewalsBefore).toBeGreaterThanOrEqual(1);
      expect(standIn.counts.logins - loginsBefore).toBeGreaterThanOrEqual(2);
    } finally {
      await kms.close();
    }
  });

  it('fails closed while Vault is sealed, never handing out a key, and recovers once unsealed', async () => {
    const kms = await createVaultKeyManagement(rootSettings());
    try {
      const tenantId = randomUUID();
      const subjectId = randomUUID();
      await kms.ensureTenantKey(tenantId);
      const dataKey = await kms.generateDataKey(tenantId);
      await kms.putSubjectKey(tenantId, subjectId, dataKey.wrapped);

      standIn.seal();
      expect(await kms.health()).toEqual({ ok: false, detail: 'sealed' });
      const refusal = await kms.unwrapDataKey(tenantId, dataKey.wrapped).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(KeyServiceUnavailableError);
      const message = String((refusal as Error).message);
      for (const secret of [
        dataKey.plaintext.toString('base64'),
        dataKey.plaintext.toString('hex'),
        standIn.rootToken,
      ]) {
        expect(message).not.toContain(secret);
      }
      await expect(kms.generateDataKey(tenantId)).rejects.toBeInstanceOf(KeyServiceUnavailableError);
      // A sealed Vault is not "no key for this subject": that would mint a second key.
      await expect(kms.getSubjectKey(tenantId, subjectId)).rejects.toBeInstanceOf(KeyServiceUnavailableError);

      standIn.unseal();
      expect(await kms.health()).toEqual({ ok: true });
      expect(await kms.unwrapDataKey(tenantId, dataKey.wrapped)).toEqual(dataKey.plaintext);
    } finally {
      await kms.close();
    }
  });

  it('reports an unreachable Vault as unavailable, never as a missing key', async () => {
    const gone = await new VaultStandIn().start();
    const address = gone.address;
    await gone.stop();
    const kms = new VaultKeyManagementService(settings(address, { method: 'token', token: 'any' }));
    try {
      expect(await kms.health()).toEqual({ ok: false, detail: 'unreachable' });
      await expect(kms.unwrapDataKey(randomUUID(), 'vault:v1:AAAA')).rejects.toBeInstanceOf(KeyServiceUnavailableError);
      await expect(kms.getSubjectKey(randomUUID(), randomUUID())).rejects.toBeInstanceOf(KeyServiceUnavailableError);
    } finally {
      await kms.close();
    }
  });

  it('refuses a token Vault does not know as unavailable', async () => {
    const kms = new VaultKeyManagementService(settings(standIn.address, { method: 'token', token: 'hvs.unknown' }));
    try {
      await expect(kms.generateDataKey(randomUUID())).rejects.toBeInstanceOf(KeyServiceUnavailableError);
    } finally {
      await kms.close();
    }
  });

  it('infra/vault/setup.sh prepares a fresh Vault, idempotently, with one AppRole per service', async () => {
    const fresh = await new VaultStandIn({ bare: true }).start();
    try {
      const run = () =>
        promisify(execFile)('bash', [SETUP_SCRIPT], {
          env: { PATH: process.env.PATH, VAULT_ADDR: fresh.address, VAULT_TOKEN: fresh.rootToken },
        });
      const first = await run();
      const second = await run();
      expect(second.stdout).toContain('secrets engine candor-transit/ already enabled');
      const roleIds = Object.fromEntries(
        [...first.stdout.matchAll(/^candor-(\S+) role_id=(\S+)$/gm)].map(([, service, roleId]) => [service, roleId]),
      );
      expect(Object.keys(roleIds).sort()).toEqual(['bot-engine', 'consent-ledger', 'conversation', 'dsr', 'handoff']);
      expect(second.stdout).toContain(`candor-dsr role_id=${roleIds.dsr}`);
      expect(fresh.policy('candor-dsr')).toBe((await readFile(join(POLICY_DIR, 'dsr.hcl'), 'utf8')).trimEnd());

      const issued = await fetch(`${fresh.address}/v1/auth/approle/role/candor-conversation/secret-id`, {
        method: 'POST',
        headers: { 'X-Vault-Token': fresh.rootToken },
      });
      const { data } = (await issued.json()) as { data: { secret_id: string } };
      const kms = await createVaultKeyManagement(
        settings(fresh.address, {
          method: 'approle',
          mount: 'approle',
          roleId: roleIds.conversation,
          secretId: data.secret_id,
        }),
      );
      try {
        const tenantId = randomUUID();
        await kms.ensureTenantKey(tenantId);
        const dataKey = await kms.generateDataKey(tenantId);
        expect(await kms.putSubjectKey(tenantId, randomUUID(), dataKey.wrapped)).toBe(dataKey.wrapped);
      } finally {
        await kms.close();
      }
    } finally {
      await fresh.stop();
    }
  });
});
