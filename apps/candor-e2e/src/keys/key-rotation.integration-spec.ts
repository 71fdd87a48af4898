import { randomUUID } from 'node:crypto';
import { KeyDestroyedError, type KeyManagementService } from '@candor/crypto';
import { KEY_MANAGEMENT, SubjectKeyShredder } from '@candor/platform';
import { KeyRotationScheduler } from '@candor/apps/dsr';
import { waitFor } from '@candor/testing';
import { CandorStack } from '../support/candor-stack';
import { conversationAnswered, createTenant, transcript } from '../support/fixtures';

describe('key rotation after subject keys are destroyed: their backed-up copies become unreadable, with a recorded date', () => {
  let stack: CandorStack;

  beforeAll(async () => {
    stack = await CandorStack.start(['conversation', 'bot-engine', 'dsr'], { KEY_ROTATION_INTERVAL_MS: '3600000' });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('rotates the tenant key, re-wraps the living, and records when old copies stopped opening', async () => {
    const conversation = stack.service('conversation');
    const tenant = await createTenant(conversation, stack.bootstrapKey);
    const erased = await conversationAnswered(conversation, tenant.siteKey, 'please forget me');
    const kept = await conversationAnswered(conversation, tenant.siteKey, 'please keep me');
    const kms = conversation.app.get<KeyManagementService>(KEY_MANAGEMENT);

    // A "backup" taken now holds both subjects' keys wrapped under tenant key version 1.
    const backup = {
      erased: (await kms.getSubjectKey(tenant.tenantId, erased.visitorId))!,
      kept: (await kms.getSubjectKey(tenant.tenantId, kept.visitorId))!,
    };
    expect(backup.erased).toMatch(/:v1:/);

    const dsr = stack.service('dsr');
    await dsr.app.get(SubjectKeyShredder).shred(tenant.tenantId, erased.visitorId);
    const compliance = await conversation.request<{ apiKey: string }>('POST', '/v1/api-keys', {
      token: tenant.adminKey,
      body: { role: 'compliance' },
    });
    const evidenceBefore = await waitFor(
      async () => {
        const response = await dsr.request<{ keyDestroyedAt: string; backupsUnreadableAt: string | null }>(
          'GET',
          `/v1/shredded-subjects/${erased.visitorId}`,
          { token: compliance.body.apiKey },
        );
        return response.status === 200 ? response.body : undefined;
      },
      { what: 'dsr to record the shredding (and to know the compliance key)' },
    );
    expect(evidenceBefore.backupsUnreadableAt).toBeNull();

    const scheduler = dsr.app.get(KeyRotationScheduler);
    const rotations = await scheduler.rotateDue();
    const rotation = rotations.find((candidate) => candidate.tenantId === tenant.tenantId);
    expect(rotation).toMatchObject({ keyVersion: 2, erasuresCovered: 1 });

    // The backup's copies no longer open: the old key version is gone.
    await expect(kms.unwrapDataKey(tenant.tenantId, backup.erased)).rejects.toBeInstanceOf(KeyDestroyedError);
    await expect(kms.unwrapDataKey(tenant.tenantId, backup.kept)).rejects.toBeInstanceOf(KeyDestroyedError);
    // The living subject was re-wrapped under version 2 and reads as before.
    expect(await kms.getSubjectKey(tenant.tenantId, kept.visitorId)).toMatch(/:v2:/);
    expect((await transcript(conversation, kept)).some((m) => m.text.includes('please keep me'))).toBe(true);

    const evidence = await dsr.request<{ keyDestroyedAt: string; backupsUnreadableAt: string; rotationId: string }>(
      'GET',
      `/v1/shredded-subjects/${erased.visitorId}`,
      { token: compliance.body.apiKey },
    );
    expect(new Date(evidence.body.backupsUnreadableAt) >= new Date(evidence.body.keyDestroyedAt)).toBe(true);
    const listed = await dsr.request<{ id: string; erasuresCovered: number }[]>('GET', '/v1/key-rotations', {
      token: compliance.body.apiKey,
    });
    expect(listed.body).toEqual([expect.objectContaining({ id: evidence.body.rotationId, erasuresCovered: 1 })]);

    // Nothing left to do: a second run rotates nobody.
    expect((await scheduler.rotateDue()).filter((r) => r.tenantId === tenant.tenantId)).toEqual([]);
    const unknown = await dsr.request('GET', `/v1/shredded-subjects/${randomUUID()}`, {
      token: compliance.body.apiKey,
    });
    expect(unknown.status).toBe(404);
  });
});
