import { type KeyObject, createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { openAesGcm, sealAesGcm } from './aes-gcm';
import type { SubjectKeyRing } from './subject-key-ring';

/**
 * Reserved "subject" whose data key seals a tenant's signing key: it is re-wrapped with the tenant
 * key on rotation like any subject key, and it is never a person (the shredder refuses it).
 */
export const SIGNING_KEY_ID = '00000000-0000-4000-8000-000000000001';

export interface GeneratedSigningKey {
  /** SPKI PEM: publish it; auditors verify signatures with it alone. */
  publicKeyPem: string;
  /** The PKCS#8 private key sealed (AES-256-GCM) under the tenant's signing data key, base64url. */
  sealedPrivateKey: string;
  privateKey: KeyObject;
}

/**
 * A tenant's Ed25519 signing key (e.g. for the consent log's tree heads), managed through the key
 * service: the private key is stored only sealed by a data key that the tenant key wraps, so it is
 * unusable without the key service, and gone when the tenant is off-boarded.
 */
export class TenantSigningKeys {
  constructor(private readonly keys: SubjectKeyRing) {}

  async generate(tenantId: string): Promise<GeneratedSigningKey> {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const dataKey = await this.keys.keyForWriting(tenantId, SIGNING_KEY_ID);
    const sealed = sealAesGcm(dataKey, privateKey.export({ type: 'pkcs8', format: 'der' }), associatedData(tenantId));
    return {
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      sealedPrivateKey: sealed.toString('base64url'),
      privateKey,
    };
  }

  /** The private key; throws if the key service cannot unwrap it or the sealed value was altered. */
  async open(tenantId: string, sealedPrivateKey: string): Promise<KeyObject> {
    const dataKey = await this.keys.keyForReading(tenantId, SIGNING_KEY_ID);
    const der = openAesGcm(dataKey, Buffer.from(sealedPrivateKey, 'base64url'), associatedData(tenantId));
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  }
}

function associatedData(tenantId: string): Buffer {
  return Buffer.from(`candor-signing-key:${tenantId}`, 'utf8');
}
