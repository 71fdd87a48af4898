import { randomBytes } from 'node:crypto';
import { BLIND_INDEX_KEY_ID, BlindIndex, normalise } from './blind-index';
import type { SubjectKeyRing } from './subject-key-ring';

/** A key ring stand-in holding one random key per tenant (the ring itself is tested on its own). */
function ringWithKeys(): SubjectKeyRing {
  const keys = new Map<string, Buffer>();
  return {
    keyForWriting: async (tenantId: string, subjectId: string) => {
      expect(subjectId).toBe(BLIND_INDEX_KEY_ID);
      if (!keys.has(tenantId)) keys.set(tenantId, randomBytes(32));
      return keys.get(tenantId)!;
    },
  } as unknown as SubjectKeyRing;
}

describe('blind index', () => {
  const index = new BlindIndex(ringWithKeys());

  it('gives one index for one address, however it is typed, and never the address itself', async () => {
    const a = await index.of('tenant-a', 'email', 'Ada.Lovelace@Example.org ');
    expect(await index.of('tenant-a', 'email', 'ada.lovelace@example.org')).toBe(a);
    expect(a).not.toContain('lovelace');
    expect(await index.of('tenant-a', 'email', 'ada.byron@example.org')).not.toBe(a);
  });

  it('normalises phone numbers to digits with an optional leading +', async () => {
    expect(normalise('phone', '+44 (20) 7946-0958')).toBe('+442079460958');
    expect(await index.of('t', 'phone', '+44 20 7946 0958')).toBe(await index.of('t', 'phone', '+44-20-79460958'));
  });

  it('differs between tenants and between kinds for the same value', async () => {
    const value = '12345';
    expect(await index.of('tenant-a', 'phone', value)).not.toBe(await index.of('tenant-b', 'phone', value));
    expect(await index.of('tenant-a', 'phone', value)).not.toBe(await index.of('tenant-a', 'email', value));
  });
});
