import { waitFor } from '@candor/testing';
import { CandorStack } from './support/candor-stack';
import { type TenantFixture, createTenant } from './support/fixtures';

interface IssuedKey {
  keyId: string;
  apiKey: string;
  expiresAt: string | null;
}

const DAY_MS = 86_400_000;

/** Keys expire, and a rotation hands over to a new key with a grace period, on every service. */
describe('API key expiry and rotation', () => {
  let stack: CandorStack;
  let tenant: TenantFixture;

  beforeAll(async () => {
    stack = await CandorStack.start(['conversation', 'handoff']);
    tenant = await createTenant(stack.service('conversation'), stack.bootstrapKey);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const conversation = () => stack.service('conversation');

  async function issue(body: Record<string, unknown>): Promise<IssuedKey> {
    const response = await conversation().request<IssuedKey>('POST', '/v1/api-keys', { token: tenant.adminKey, body });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function rotate(keyId: string, body: Record<string, unknown>): Promise<IssuedKey> {
    const response = await conversation().request<IssuedKey>('POST', `/v1/api-keys/${keyId}/rotate`, {
      token: tenant.adminKey,
      body,
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  const statusAt = async (service: 'conversation' | 'handoff', apiKey: string) =>
    (await stack.service(service).request<{ code?: string }>('GET', '/v1/auth/principal', { token: apiKey })).status;

  it('gives every key an expiry: a year by default, or the days asked for', async () => {
    const lasting = await issue({ role: 'agent' });
    const brief = await issue({ role: 'agent', expiresInDays: 7 });
    const inDays = (key: IssuedKey) => Math.round((Date.parse(key.expiresAt!) - Date.now()) / DAY_MS);
    expect([inDays(lasting), inDays(brief)]).toEqual([365, 7]);
    const refused = await conversation().request('POST', '/v1/api-keys', {
      token: tenant.adminKey,
      body: { role: 'agent', expiresInDays: 0 },
    });
    expect(refused.status).toBe(400);
  });

  it('ends the old key at once with no grace, everywhere, and the new key works', async () => {
    const old = await issue({ role: 'agent', label: 'crm sync' });
    await waitFor(async () => ((await statusAt('handoff', old.apiKey)) === 200 ? true : undefined), {
      what: 'the key at the handoff service',
    });
    const replacement = await rotate(old.keyId, { graceHours: 0 });
    expect(replacement.keyId).not.toBe(old.keyId);
    const expired = await conversation().request<{ code: string }>('GET', '/v1/auth/principal', { token: old.apiKey });
    expect([expired.status, expired.body.code]).toEqual([401, 'expired_credentials']);
    // The new expiry travels to the other services like the key did.
    await waitFor(async () => ((await statusAt('handoff', old.apiKey)) === 401 ? true : undefined), {
      what: 'the old key refused at the handoff service',
    });
    expect(await statusAt('conversation', replacement.apiKey)).toBe(200);
    await waitFor(async () => ((await statusAt('handoff', replacement.apiKey)) === 200 ? true : undefined), {
      what: 'the new key at the handoff service',
    });
    const listed = await conversation().request<{ keyId: string; label: string | null }[]>('GET', '/v1/api-keys', {
      token: tenant.adminKey,
    });
    expect(listed.body.find((key) => key.keyId === replacement.keyId)?.label).toBe('crm sync');
    const again = await conversation().request('POST', `/v1/api-keys/${old.keyId}/rotate`, {
      token: tenant.adminKey,
      body: {},
    });
    expect(again.status).toBe(409);
  });

  it('keeps the old key working through the grace period', async () => {
    const old = await issue({ role: 'integrator' });
    await rotate(old.keyId, {});
    expect(await statusAt('conversation', old.apiKey)).toBe(200);
    const listed = await conversation().request<IssuedKey[]>('GET', '/v1/api-keys', { token: tenant.adminKey });
    const graceLeft = Date.parse(listed.body.find((key) => key.keyId === old.keyId)!.expiresAt!) - Date.now();
    expect(Math.round(graceLeft / 3_600_000)).toBe(24);
  });
});
