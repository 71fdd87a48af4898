import { createPublicKey, sign, verify } from 'node:crypto';
import { SIGNING_KEY_ID, TenantSigningKeys } from './signing-keys';
import type { SubjectKeyRing } from './subject-key-ring';

describe('TenantSigningKeys', () => {
  const tenantId = '7b0e2b4e-9a43-4d2c-9a1e-2f1c0b7d5e11';
  const dataKey = Buffer.alloc(32, 7);
  const ring = {
    keyForWriting: jest.fn(async (_tenant: string, subject: string) => {
      expect(subject).toBe(SIGNING_KEY_ID);
      return dataKey;
    }),
    keyForReading: jest.fn(async () => dataKey),
  } as unknown as SubjectKeyRing;

  it('seals the private key so only the data key opens it, and the public key verifies its signatures', async () => {
    const keys = new TenantSigningKeys(ring);
    const generated = await keys.generate(tenantId);
    expect(generated.sealedPrivateKey).not.toContain('PRIVATE');
    const opened = await keys.open(tenantId, generated.sealedPrivateKey);
    const signature = sign(null, Buffer.from('tree head'), opened);
    expect(verify(null, Buffer.from('tree head'), createPublicKey(generated.publicKeyPem), signature)).toBe(true);
  });

  it('refuses a sealed key moved to another tenant or altered', async () => {
    const keys = new TenantSigningKeys(ring);
    const generated = await keys.generate(tenantId);
    await expect(keys.open('00000000-0000-4000-8000-00000000beef', generated.sealedPrivateKey)).rejects.toThrow();
    const bytes = Buffer.from(generated.sealedPrivateKey, 'base64url');
    bytes[bytes.length - 1] ^= 1;
    await expect(keys.open(tenantId, bytes.toString('base64url'))).rejects.toThrow();
  });
});
