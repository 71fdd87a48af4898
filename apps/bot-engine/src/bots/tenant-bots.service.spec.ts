import type { Principal } from '@candor/auth';
import type { AuditTrail } from '@candor/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { UpdateTenantBotDto } from './dto/tenant-bot.dto';
import { TenantBot } from './tenant-bot.entity';
import { TenantBots } from './tenant-bots.service';

const TENANT = '00000000-0000-4000-8000-000000000001';
const ADMIN: Principal = { kind: 'api-key', tenantId: TENANT, role: 'admin', keyId: 'adminkey00000001' };
const PERSONA = {
  name: 'Acme Bot',
  avatar: null,
  tone: 'neutral',
  disclosure: { en: "Hi, I'm the Acme bot, an automated assistant." },
} as UpdateTenantBotDto['persona'];

/** A stand-in for the database that counts reads of tenant bots: the cache's logic, not SQL, is under test. */
function fakeDatabase() {
  const rows = new Map<string, TenantBot>();
  const manager = {
    reads: 0,
    async findOneBy(_entity: unknown, where: { tenantId: string }) {
      manager.reads += 1;
      return rows.get(where.tenantId) ?? null;
    },
    create: (_entity: unknown, values: Partial<TenantBot>) => Object.assign(new TenantBot(), values),
    async upsert(_entity: unknown, bot: TenantBot) {
      rows.set(bot.tenantId, bot);
    },
    // Scoping the transaction to the tenant (row-level security) is the database's concern.
    async query() {
      return [];
    },
  };
  const dataSource = {
    manager,
    transaction: <T>(work: (m: EntityManager) => Promise<T>) => work(manager as unknown as EntityManager),
  };
  // The audit trail is the database's concern; these tests are about the cache.
  const audit = { record: async () => undefined } as unknown as AuditTrail;
  return { manager, bots: new TenantBots(dataSource as unknown as DataSource, audit) };
}

describe('TenantBots cache', () => {
  afterEach(() => jest.useRealTimers());

  it('reads a tenant bot once per few seconds, then again', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-01T10:00:00Z') });
    const { manager, bots } = fakeDatabase();
    await bots.of(TENANT);
    await bots.of(TENANT);
    expect(manager.reads).toBe(1);
    jest.advanceTimersByTime(5_001);
    await bots.of(TENANT);
    expect(manager.reads).toBe(2);
  });

  it('serves what this instance just saved at once, and reads past the cache for the API', async () => {
    const { manager, bots } = fakeDatabase();
    expect((await bots.of(TENANT)).personaName).toBe('Candor Assistant');
    await bots.update(ADMIN, { persona: { ...PERSONA, name: 'Acme Bot' } });
    expect((await bots.of(TENANT)).personaName).toBe('Acme Bot');
    expect(manager.reads).toBe(1);
    expect((await bots.stored(TENANT)).personaName).toBe('Acme Bot');
    expect(manager.reads).toBe(2);
  });

  it('does not keep a bot read while an update was being saved', async () => {
    const { manager, bots } = fakeDatabase();
    let release: () => void = () => undefined;
    const slowRead = manager.findOneBy;
    manager.findOneBy = async (entity, where) => {
      const row = await slowRead(entity, where);
      await new Promise<void>((resolve) => (release = resolve));
      return row;
    };
    const reading = bots.of(TENANT);
    manager.findOneBy = slowRead;
    await bots.update(ADMIN, { persona: { ...PERSONA, name: 'Acme Bot' } });
    release();
    expect((await reading).personaName).toBe('Candor Assistant');
    expect((await bots.of(TENANT)).personaName).toBe('Acme Bot');
  });
});
