import { randomUUID } from 'node:crypto';
import { waitFor } from '@candor/testing';
import { CandorStack } from '../support/candor-stack';
import { type TenantFixture, createTenant } from '../support/fixtures';

/** The ledger signs a new head on its own schedule while its log grows, and none while it does not. */
describe('consent ledger: signed tree heads on a schedule', () => {
  const INTERVAL_MS = 400;
  let stack: CandorStack;
  let tenant: TenantFixture;
  let integrator: string;

  beforeAll(async () => {
    stack = await CandorStack.start(['conversation', 'consent-ledger'], {
      OUTBOX_POLL_INTERVAL_MS: '200',
      TREE_HEAD_INTERVAL_MS: String(INTERVAL_MS),
    });
    tenant = await createTenant(stack.service('conversation'), stack.bootstrapKey, 'Schedule Co');
    const issued = await stack.service('conversation').request<{ apiKey: string }>('POST', '/v1/api-keys', {
      token: tenant.adminKey,
      body: { role: 'integrator' },
    });
    integrator = issued.body.apiKey;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function record(count: number): Promise<void> {
    for (let index = 0; index < count; index++) {
      await waitFor(
        async () =>
          (
            await stack.service('consent-ledger').request('POST', '/v1/consents', {
              token: integrator,
              body: { subjectId: randomUUID(), purpose: 'newsletter', action: 'granted' },
            })
          ).status === 201,
        { what: 'a recorded decision (the key reaches the ledger through Kafka)' },
      );
    }
  }

  const heads = () =>
    stack.database.query<{ tree_size: string }>(
      'SELECT tree_size FROM consent_ledger.tree_heads WHERE tenant_id = $1 ORDER BY tree_size',
      [tenant.tenantId],
    );

  it('signs a head covering new entries without being asked, and no new head while nothing is appended', async () => {
    await record(1);
    await waitFor(async () => (await heads()).some((head) => Number(head.tree_size) === 1), {
      what: 'a head of size 1 signed by the schedule',
    });
    await record(2);
    await waitFor(async () => (await heads()).some((head) => Number(head.tree_size) === 3), {
      what: 'a head of size 3 signed by the schedule',
    });
    const signed = (await heads()).length;
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS * 4));
    expect(await heads()).toHaveLength(signed);
  });
});
