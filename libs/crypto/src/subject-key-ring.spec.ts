import { randomBytes } from 'node:crypto';
import { KeyDestroyedError, type KeyManagementService } from './key-management';
import { ERASED, PersonalDataCipher } from './personal-data-cipher';
import { SubjectKeyRing } from './subject-key-ring';

/** An in-memory key service for the pure cache logic (the real providers have their own contract suite). */
function fakeKms() {
  const stored = new Map<string, string>();
  const keys = new Map<string, Buffer>();
  const calls = { unwrap: 0, generate: 0 };
  const kms = {
    provider: 'local',
    async generateDataKey() {
      calls.generate++;
      const plaintext = randomBytes(32);
      const wrapped = `w${keys.size}`;
      keys.set(wrapped, plaintext);
      return { plaintext, wrapped };
    },
    async unwrapDataKey(_tenant: string, wrapped: string) {
      calls.unwrap++;
      return Buffer.from(keys.get(wrapped)!);
    },
    async getSubjectKey(tenant: string, subject: string) {
      return stored.get(`${tenant}/${subject}`);
    },
    async putSubjectKey(tenant: string, subject: string, wrapped: string) {
      const existing = stored.get(`${tenant}/${subject}`);
      if (existing) return existing;
      stored.set(`${tenant}/${subject}`, wrapped);
      return wrapped;
    },
    async destroySubjectKey(tenant: string, subject: string) {
      stored.delete(`${tenant}/${subject}`);
    },
  } as unknown as KeyManagementService;
  return { kms, calls };
}

const tenant = '11111111-1111-4111-8111-111111111111';
const subject = '22222222-2222-4222-8222-222222222222';

describe('SubjectKeyRing', () => {
  it('creates a key once, then serves it from the cache until it expires', async () => {
    let now = 0;
    const { kms, calls } = fakeKms();
    const ring = new SubjectKeyRing(kms, { ttlMs: 1_000, maxEntries: 10, now: () => now });
    const key = await ring.keyForWriting(tenant, subject);
    expect(await ring.keyForReading(tenant, subject)).toBe(key);
    expect(calls).toEqual({ generate: 1, unwrap: 0 });
    now = 2_000;
    expect(await ring.keyForReading(tenant, subject)).toEqual(key);
    expect(calls.unwrap).toBe(1);
  });

  it('is bounded, evicting the least recently used key', async () => {
    const { kms } = fakeKms();
    const ring = new SubjectKeyRing(kms, { ttlMs: 60_000, maxEntries: 2 });
    await ring.keyForWriting(tenant, 'a');
    await ring.keyForWriting(tenant, 'b');
    await ring.keyForReading(tenant, 'a');
    await ring.keyForWriting(tenant, 'c');
    expect(ring.size).toBe(2);
  });

  it('wipes an evicted key and reports the subject erased once its key is destroyed', async () => {
    const { kms } = fakeKms();
    const ring = new SubjectKeyRing(kms, { ttlMs: 60_000, maxEntries: 10 });
    const key = await ring.keyForWriting(tenant, subject);
    await kms.destroySubjectKey(tenant, subject);
    ring.evict(tenant, subject);
    expect(key.every((byte) => byte === 0)).toBe(true);
    await expect(ring.keyForReading(tenant, subject)).rejects.toBeInstanceOf(KeyDestroyedError);
  });
});

describe('PersonalDataCipher', () => {
  it('encrypts under the subject key and shows erased data as [erased]', async () => {
    const { kms } = fakeKms();
    const ring = new SubjectKeyRing(kms, { ttlMs: 60_000, maxEntries: 10 });
    const cipher = new PersonalDataCipher(ring);
    const scope = { tenantId: tenant, subjectId: subject, record: 'message:1', field: 'text' };
    const sealed = await cipher.encrypt(scope, 'call me on +44 20 7946 0958');
    expect(sealed).not.toContain('7946');
    expect(await cipher.decrypt(scope, sealed)).toBe('call me on +44 20 7946 0958');
    await kms.destroySubjectKey(tenant, subject);
    ring.evict(tenant, subject);
    expect(await cipher.decrypt(scope, sealed)).toBe(ERASED);
  });
});
