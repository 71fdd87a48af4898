import { randomBytes, randomUUID } from 'node:crypto';
import { TestDatabase } from '@candor/testing';
import { KeyDestroyedError, KeyServiceUnavailableError, LocalKeyManagementService } from '@candor/crypto';
import { describeKeyManagementContract } from '@candor/crypto/testing';

describeKeyManagementContract('local provider on the real Postgres', async () => {
  const database = await TestDatabase.create();
  const kms = new LocalKeyManagementService({ masterKey: randomBytes(32), databaseUrl: database.url });
  return {
    kms,
    cleanup: async () => {
      await kms.close();
      await database.drop();
    },
  };
});

describe('local provider specifics', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await TestDatabase.create();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('keeps no key in the clear in the database: without the master key nothing unwraps', async () => {
    const masterKey = randomBytes(32);
    const kms = new LocalKeyManagementService({ masterKey, databaseUrl: database.url });
    const tenantId = randomUUID();
    await kms.ensureTenantKey(tenantId);
    const dataKey = await kms.generateDataKey(tenantId);
    await kms.close();

    const dump = JSON.stringify(await database.query('SELECT * FROM keystore.tenant_key_versions'));
    expect(dump).not.toContain(dataKey.plaintext.toString('hex'));
    const impostor = new LocalKeyManagementService({ masterKey: randomBytes(32), databaseUrl: database.url });
    await expect(impostor.unwrapDataKey(tenantId, dataKey.wrapped)).rejects.toThrow();
    await impostor.close();
  });

  it('answers "unavailable", never plaintext, when the key store cannot be reached', async () => {
    const kms = new LocalKeyManagementService({
      masterKey: randomBytes(32),
      databaseUrl: 'postgres://nobody:nothing@127.0.0.1:1/none',
    });
    await expect(kms.generateDataKey(randomUUID())).rejects.toBeInstanceOf(KeyServiceUnavailableError);
    expect((await kms.health()).ok).toBe(false);
    await kms.close();
  });

  it('treats a data key wrapped for a tenant that never existed as destroyed', async () => {
    const kms = new LocalKeyManagementService({ masterKey: randomBytes(32), databaseUrl: database.url });
    await expect(kms.unwrapDataKey(randomUUID(), 'local:v1:AAAA')).rejects.toBeInstanceOf(KeyDestroyedError);
    await kms.close();
  });
});
