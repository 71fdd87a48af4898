import { readFileSync } from 'node:fs';
import { type KeyManagementService, LocalKeyManagementService } from '@candor/crypto';
import type { BaseServiceConfig } from '../config/base-service.config';

/** The key service a configuration asks for. */
export async function createKeyManagement(config: BaseServiceConfig): Promise<KeyManagementService> {
  if (config.KEY_PROVIDER === 'vault') {
    throw new Error('KEY_PROVIDER=vault is not wired in yet; use KEY_PROVIDER=local');
  }
  const encoded = config.LOCAL_MASTER_KEY_FILE
    ? readFileSync(config.LOCAL_MASTER_KEY_FILE, 'utf8').trim()
    : config.LOCAL_MASTER_KEY;
  const masterKey = Buffer.from(encoded, 'base64');
  if (masterKey.length !== 32) {
    throw new Error('The local master key must be 32 bytes, base64-encoded');
  }
  return new LocalKeyManagementService({ masterKey, databaseUrl: config.DATABASE_URL, poolSize: 4 });
}
