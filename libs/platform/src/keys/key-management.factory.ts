import { readFileSync } from 'node:fs';
import {
  type KeyManagementService,
  LocalKeyManagementService,
  VAULT_DEFAULTS,
  type VaultAuth,
  createVaultKeyManagement,
} from '@candor/crypto';
import type { BaseServiceConfig } from '../config/base-service.config';

/** The key service a configuration asks for: Vault (logged in, renewing its token) or the local provider. */
export async function createKeyManagement(config: BaseServiceConfig): Promise<KeyManagementService> {
  if (config.KEY_PROVIDER === 'vault') {
    return createVaultKeyManagement({
      address: config.VAULT_ADDR,
      namespace: config.VAULT_NAMESPACE || undefined,
      transitMount: config.VAULT_TRANSIT_MOUNT,
      kvMount: config.VAULT_KV_MOUNT,
      auth: vaultAuth(config),
      requestTimeoutMs: VAULT_DEFAULTS.requestTimeoutMs,
    });
  }
  const encoded = config.LOCAL_MASTER_KEY_FILE
    ? readFileSync(config.LOCAL_MASTER_KEY_FILE, 'utf8').trim()
    : config.LOCAL_MASTER_KEY;
  const masterKey = Buffer.from(encoded, 'base64');
  if (masterKey.length !== 32) {
    throw new Error('The local master key must be 32 bytes, base64-encoded');
  }
  return new LocalKeyManagementService({
    masterKey,
    databaseUrl: config.LOCAL_KEYSTORE_DATABASE_URL || config.DATABASE_URL,
    poolSize: 4,
  });
}

function vaultAuth(config: BaseServiceConfig): VaultAuth {
  switch (config.VAULT_AUTH_METHOD) {
    case 'approle':
      return {
        method: 'approle',
        mount: config.VAULT_AUTH_MOUNT || VAULT_DEFAULTS.approleMount,
        roleId: config.VAULT_APPROLE_ROLE_ID,
        secretId: config.VAULT_APPROLE_SECRET_ID,
      };
    case 'kubernetes':
      return {
        method: 'kubernetes',
        mount: config.VAULT_AUTH_MOUNT || VAULT_DEFAULTS.kubernetesMount,
        role: config.VAULT_KUBERNETES_ROLE,
        jwtPath: config.VAULT_KUBERNETES_JWT_PATH,
      };
    default:
      return { method: 'token', token: config.VAULT_TOKEN };
  }
}
