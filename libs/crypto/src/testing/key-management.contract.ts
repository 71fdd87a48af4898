import { randomUUID } from 'node:crypto';
import { KeyDestroyedError, type KeyManagementService } from '../key-management';

export interface ContractSubject {
  kms: KeyManagementService;
  cleanup(): Promise<void>;
}

/**
 * One behaviour, two implementations: every key-management provider (Vault,
 * local) must pass this suite unchanged.
 */
export function describeKeyManagementContract(label: string, create: () => Promise<ContractSubject>): void {
  describe(`key management contract: ${label}`, () => {
    let subject: ContractSubject;
    let kms: KeyManagementService;

    beforeAll(async () => {
      subject = await create();
      kms = subject.kms;
    });

    afterAll(async () => {
      await subject?.cleanup();
    });

    async function newTenant(): Promise<string> {
      const tenantId = randomUUID();
      await kms.ensureTenantKey(tenantId);
      return tenantId;
    }

    it('reports itself healthy', async () => {
      expect(await kms.health()).toEqual(expect.objectContaining({ ok: true }));
    });

    it('creates tenant keys idempotently and wraps 256-bit data keys under them', async () => {
      const tenantId = await newTenant();
      await kms.ensureTenantKey(tenantId);
      const dataKey = await kms.generateDataKey(tenantId);
      expect(dataKey.plaintext).toHaveLength(32);
      expect(dataKey.wrapped).not.toContain(dataKey.plaintext.toString('base64'));
      expect(await kms.unwrapDataKey(tenantId, dataKey.wrapped)).toEqual(dataKey.plaintext);
      expect(await kms.describeTenantKey(tenantId)).toEqual({ latestVersion: 1, minDecryptionVersion: 1 });
    });

    it("never unwraps one tenant's data key with another tenant's key", async () => {
      const alpha = await newTenant();
      const beta = await newTenant();
      const dataKey = await kms.generateDataKey(alpha);
      await expect(kms.unwrapDataKey(beta, dataKey.wrapped)).rejects.toThrow();
    });

    it('rotates: old wraps still open, rewrap moves them to the new version, the data key is unchanged', async () => {
      const tenantId = await newTenant();
      const dataKey = await kms.generateDataKey(tenantId);
      expect(await kms.rotateTenantKey(tenantId)).toBe(2);
      expect(await kms.unwrapDataKey(tenantId, dataKey.wrapped)).toEqual(dataKey.plaintext);
      const rewrapped = await kms.rewrapDataKey(tenantId, dataKey.wrapped);
      expect(rewrapped).not.toBe(dataKey.wrapped);
      expect(rewrapped).toMatch(/:v2:/);
      expect(await kms.unwrapDataKey(tenantId, rewrapped)).toEqual(dataKey.plaintext);
      const fresh = await kms.generateDataKey(tenantId);
      expect(fresh.wrapped).toMatch(/:v2:/);
    });

    it('refuses, as destroyed, anything wrapped under a version below the minimum', async () => {
      const tenantId = await newTenant();
      const old = await kms.generateDataKey(tenantId);
      await kms.rotateTenantKey(tenantId);
      const rewrapped = await kms.rewrapDataKey(tenantId, old.wrapped);
      await kms.setMinDecryptionVersion(tenantId, 2);
      await expect(kms.unwrapDataKey(tenantId, old.wrapped)).rejects.toBeInstanceOf(KeyDestroyedError);
      expect(await kms.unwrapDataKey(tenantId, rewrapped)).toEqual(old.plaintext);
      expect(await kms.describeTenantKey(tenantId)).toEqual({ latestVersion: 2, minDecryptionVersion: 2 });
    });

    it('keeps the first wrapped key of a subject when two writers race, and destroys it in one step', async () => {
      const tenantId = await newTenant();
      const subjectId = randomUUID();
      const otherSubject = randomUUID();
      const first = await kms.generateDataKey(tenantId);
      const second = await kms.generateDataKey(tenantId);
      expect(await kms.getSubjectKey(tenantId, subjectId)).toBeUndefined();
      expect(await kms.putSubjectKey(tenantId, subjectId, first.wrapped)).toBe(first.wrapped);
      expect(await kms.putSubjectKey(tenantId, subjectId, second.wrapped)).toBe(first.wrapped);
      await kms.putSubjectKey(tenantId, otherSubject, second.wrapped);
      expect(await kms.getSubjectKey(tenantId, subjectId)).toBe(first.wrapped);

      await kms.destroySubjectKey(tenantId, subjectId);
      expect(await kms.getSubjectKey(tenantId, subjectId)).toBeUndefined();
      expect(await kms.getSubjectKey(tenantId, otherSubject)).toBe(second.wrapped);
    });

    it('lists the subjects of a tenant and replaces a wrapped key after a rotation', async () => {
      const tenantId = await newTenant();
      const subjects = [randomUUID(), randomUUID()];
      for (const subjectId of subjects) {
        await kms.putSubjectKey(tenantId, subjectId, (await kms.generateDataKey(tenantId)).wrapped);
      }
      expect((await kms.listSubjectIds(tenantId)).sort()).toEqual([...subjects].sort());
      expect(await kms.listSubjectIds(await newTenant())).toEqual([]);

      const before = (await kms.getSubjectKey(tenantId, subjects[0]))!;
      await kms.rotateTenantKey(tenantId);
      const after = await kms.rewrapDataKey(tenantId, before);
      await kms.replaceSubjectKey(tenantId, subjects[0], after);
      expect(await kms.getSubjectKey(tenantId, subjects[0])).toBe(after);
      expect(await kms.unwrapDataKey(tenantId, after)).toEqual(await kms.unwrapDataKey(tenantId, before));
    });

    it("keeps subjects' keys apart per tenant", async () => {
      const alpha = await newTenant();
      const beta = await newTenant();
      const subjectId = randomUUID();
      const dataKey = await kms.generateDataKey(alpha);
      await kms.putSubjectKey(alpha, subjectId, dataKey.wrapped);
      expect(await kms.getSubjectKey(beta, subjectId)).toBeUndefined();
    });

    it('makes every data key of a destroyed tenant unreadable', async () => {
      const tenantId = await newTenant();
      const dataKey = await kms.generateDataKey(tenantId);
      await kms.destroyTenantKey(tenantId);
      await expect(kms.unwrapDataKey(tenantId, dataKey.wrapped)).rejects.toBeInstanceOf(KeyDestroyedError);
      await expect(kms.generateDataKey(tenantId)).rejects.toBeInstanceOf(KeyDestroyedError);
    });
  });
}
