import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createHash, createPublicKey, randomUUID } from 'node:crypto';
import {
  type ConsentEntry,
  type ProofBundle,
  type SignedTreeHead,
  entryLeafHash,
  fromSignedTreeHead,
  verifyBundle,
} from '@candor/consent-evidence';
import { consentDecidedV1, dataRequestedV1 } from '@candor/contracts';
import { verifyConsistency, verifyInclusion, verifyTreeHead } from '@candor/merkle';
import { RawKafka, waitFor } from '@candor/testing';
import { CandorStack } from '../support/candor-stack';
import { type TenantFixture, createTenant } from '../support/fixtures';

const ROOT = resolve(__dirname, '../../../..');
const run = promisify(execFile);

interface Recorded {
  entry: ConsentEntry;
  leafHash: string;
}

/** The consent ledger through its API, on the real Postgres and broker. */
describe('consent ledger: forms, recording, proofs, compliance queries, tamper evidence', () => {
  let stack: CandorStack;
  let tenant: TenantFixture;
  let integrator: string;
  let compliance: string;

  beforeAll(async () => {
    stack = await CandorStack.start(['conversation', 'consent-ledger'], { OUTBOX_POLL_INTERVAL_MS: '200' });
    tenant = await createTenant(stack.service('conversation'), stack.bootstrapKey, 'Ledger Co');
    integrator = await issueKey('integrator');
    compliance = await issueKey('compliance');
    await waitFor(
      async () => (await ledger().request('GET', '/v1/consent-forms', { token: compliance })).status === 200,
      { what: 'the keys at the consent ledger' },
    );
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const ledger = () => stack.service('consent-ledger');

  async function issueKey(role: string, owner = tenant): Promise<string> {
    const response = await stack.service('conversation').request<{ apiKey: string }>('POST', '/v1/api-keys', {
      token: owner.adminKey,
      body: { role },
    });
    return response.body.apiKey;
  }

  async function publishForm(formId: string, purpose: string, text: string, locale = 'en') {
    const response = await ledger().request<{ version: number; textHash: string }>(
      'POST',
      `/v1/consent-forms/${formId}/versions`,
      { token: tenant.adminKey, body: { purpose, locale, text } },
    );
    expect(response.status).toBe(201);
    return response.body;
  }

  async function record(body: Record<string, unknown>, token = integrator): Promise<Recorded> {
    const response = await ledger().request<Recorded>('POST', '/v1/consents', { token, body });
    if (response.status !== 201) throw new Error(`record failed: ${JSON.stringify(response.body)}`);
    return response.body;
  }

  it('records decisions against versioned forms and answers state, outdated, missing, history and as-of queries', async () => {
    const beforeForms = await instantPassed();
    const form = await publishForm('newsletter', 'marketing_email', 'May we email you our monthly newsletter?');
    expect(form).toMatchObject({ version: 1 });
    const subject = randomUUID();
    const granted = await record({
      subjectId: subject,
      purpose: 'marketing_email',
      action: 'granted',
      formId: 'newsletter',
    });
    expect(granted.entry).toMatchObject({
      formVersion: 1,
      formTextHash: form.textHash,
      channel: 'api',
      actor: 'integrator',
    });
    expect(granted.leafHash).toBe(entryLeafHash(granted.entry).toString('hex'));

    const state = async (query = '') =>
      (
        await ledger().request<{ purpose: string; status: string }[]>(
          'GET',
          `/v1/consents/subjects/${subject}${query}`,
          {
            token: compliance,
          },
        )
      ).body;
    expect(await state()).toEqual([expect.objectContaining({ purpose: 'marketing_email', status: 'granted' })]);
    expect(await state('?purpose=analytics')).toEqual([
      expect.objectContaining({ purpose: 'analytics', status: 'missing' }),
    ]);

    const beforeVersion2 = await instantPassed();
    await publishForm('newsletter', 'marketing_email', 'May we email you our newsletter and partner offers?');
    expect(await state()).toEqual([expect.objectContaining({ status: 'outdated', currentFormVersion: 2 })]);
    // As of a past time, only what was published by then counts.
    expect(await state(`?at=${encodeURIComponent(beforeVersion2)}`)).toEqual([
      expect.objectContaining({ status: 'granted', currentFormVersion: 1 }),
    ]);
    expect(await state(`?purpose=marketing_email&at=${encodeURIComponent(beforeForms)}`)).toEqual([
      expect.objectContaining({ status: 'missing', currentFormVersion: null }),
    ]);

    const beforeWithdrawal = await instantPassed();
    await record({ subjectId: subject, purpose: 'marketing_email', action: 'withdrawn', formId: 'newsletter' });
    expect(await state()).toEqual([expect.objectContaining({ status: 'withdrawn' })]);
    expect(await state(`?at=${encodeURIComponent(beforeWithdrawal)}`)).toEqual([
      expect.objectContaining({ status: 'outdated' }),
    ]);
    const history = await ledger().request<ConsentEntry[]>('GET', `/v1/consents/subjects/${subject}/history`, {
      token: compliance,
    });
    expect(history.body.map((entry) => [entry.action, entry.formVersion])).toEqual([
      ['granted', 1],
      ['withdrawn', 2],
    ]);

    // An unknown form or a form of another purpose is refused, and nothing is appended.
    for (const body of [
      { subjectId: subject, purpose: 'marketing_email', action: 'granted', formId: 'nope' },
      { subjectId: subject, purpose: 'analytics', action: 'granted', formId: 'newsletter' },
      { subjectId: 'ana@example.org', purpose: 'analytics', action: 'granted' },
      { subjectId: subject, purpose: 'analytics', action: 'granted', evidence: { reference: 'ana@example.org' } },
      // Prose in the never-erased log: refused whatever it says; only identifiers are kept.
      { subjectId: subject, purpose: 'analytics', action: 'granted', evidence: { reference: 'Called Ana Lopez' } },
      // Only the bot records decisions made in the chat.
      { subjectId: subject, purpose: 'analytics', action: 'granted', channel: 'chat' },
    ]) {
      const refused = await ledger().request('POST', '/v1/consents', { token: integrator, body });
      expect([refused.status >= 400 && refused.status < 500, body]).toEqual([true, body]);
    }
    expect((await state()).length).toBe(1);

    // The form in another language: the list shows the current version in each locale.
    await publishForm('newsletter', 'marketing_email', 'Dürfen wir Ihnen unseren Newsletter schicken?', 'de');
    const listed = await ledger().request<{ formId: string; locale: string; version: number }[]>(
      'GET',
      '/v1/consent-forms',
      { token: compliance },
    );
    expect(
      listed.body.filter((row) => row.formId === 'newsletter').map(({ locale, version }) => [locale, version]),
    ).toEqual([
      ['de', 3],
      ['en', 2],
    ]);
  });

  it('pages searches with a cursor, counts per purpose and day, and exports CSV and a bundle the offline CLI verifies', async () => {
    const subjects = Array.from({ length: 5 }, () => randomUUID());
    const batch = await ledger().request<Recorded[]>('POST', '/v1/consents/batch', {
      token: integrator,
      body: {
        records: subjects.map((subjectId, index) => ({
          subjectId,
          purpose: 'analytics',
          action: index % 2 === 0 ? 'granted' : 'withdrawn',
          legalBasis: 'consent',
        })),
      },
    });
    expect(batch.status).toBe(201);
    const searchPage = async (after: number | null) =>
      (
        await ledger().request<{ entries: ConsentEntry[]; nextCursor: number | null }>(
          'GET',
          `/v1/consents?purpose=analytics&limit=2${after === null ? '' : `&cursor=${after}`}`,
          { token: compliance },
        )
      ).body;
    const seen: number[] = [];
    let cursor: number | null = null;
    do {
      const page = await searchPage(cursor);
      seen.push(...page.entries.map((entry) => entry.leafIndex));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(batch.body.map((recorded) => recorded.entry.leafIndex));

    const counts = await ledger().request<{ purpose: string; granted: number; withdrawn: number }[]>(
      'GET',
      '/v1/consents/counts',
      { token: compliance },
    );
    expect(counts.body.find((row) => row.purpose === 'analytics')).toMatchObject({ granted: 3, withdrawn: 2 });

    const csv = await ledger().request<string>('GET', '/v1/consents/export?format=csv&purpose=analytics', {
      token: compliance,
    });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^leaf_index,subject_id,purpose,action/);

    // The auditor kept a head from an earlier export: this bundle also proves the log only grew since.
    const earlier = await ledger().request<{ treeSize: number }>('POST', '/v1/ledger/tree-heads', {
      token: compliance,
    });
    await record({ subjectId: randomUUID(), purpose: 'analytics', action: 'granted' });
    const exported = await ledger().request<ProofBundle>(
      'GET',
      `/v1/consents/export?purpose=analytics&since=${earlier.body.treeSize}`,
      { token: compliance },
    );
    expect(exported.status).toBe(200);
    expect(exported.body.consistency).toHaveLength(1);
    expect(exported.body.consistency[0].from.treeSize).toBe(earlier.body.treeSize);
    const publicKey = (
      await ledger().request<{ publicKey: string }>('GET', '/v1/ledger/public-key', { token: compliance })
    ).body.publicKey;
    expect(exported.body.scope).toEqual({
      kind: 'filtered',
      filter: { purpose: 'analytics', action: null, recordedFrom: null, recordedBefore: null, afterLeafIndex: null },
    });
    const report = verifyBundle(exported.body, publicKey);
    expect(report.ok).toBe(true);
    expect(report.consistency).toEqual([expect.objectContaining({ fromSize: earlier.body.treeSize, ok: true })]);

    // The auditor's machine: the verifier built into a folder of its own (no node_modules, no service, no
    // database, no network), the bundle file and the public key file.
    const dir = await mkdtemp(join(tmpdir(), 'candor-audit-'));
    try {
      await run(
        'npx',
        [
          'swc',
          'apps/consent-verify/src',
          'libs/merkle/src',
          'libs/consent-evidence/src',
          '-d',
          join(dir, 'verifier'),
        ].concat(['--quiet', '--config-file', '.swcrc']),
        { cwd: ROOT },
      );
      await writeFile(join(dir, 'bundle.json'), JSON.stringify(exported.body));
      await writeFile(join(dir, 'tenant.pem'), publicKey);
      const verifier = join(dir, 'verifier/apps/consent-verify/src/main.js');
      const args = [verifier, '--bundle', join(dir, 'bundle.json'), '--public-key', join(dir, 'tenant.pem')];
      const offline = { cwd: dir, env: { PATH: process.env.PATH ?? '' } };
      const good = await run(process.execPath, args, offline);
      expect(good.stdout).toMatch(/VERIFIED/);
      const tampered = structuredClone(exported.body);
      tampered.entries[0].entry.action = tampered.entries[0].entry.action === 'granted' ? 'withdrawn' : 'granted';
      await writeFile(join(dir, 'bundle.json'), JSON.stringify(tampered));
      await expect(run(process.execPath, args, offline)).rejects.toMatchObject({ code: 1 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('records an unsubscribe from the chat as a withdrawal even when the grant named a form the ledger does not know', async () => {
    const subjectId = randomUUID();
    const shownText = createHash('sha256').update('A form the bot knew from its playbook only').digest('hex');
    const envelope = (type: string, payload: object) => ({
      id: randomUUID(),
      type,
      schemaVersion: 1,
      tenantId: tenant.tenantId,
      subjectId,
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      causationId: null,
      producer: 'bot-engine',
      payload,
    });
    const history = async () =>
      (
        await ledger().request<ConsentEntry[]>('GET', `/v1/consents/subjects/${subjectId}/history`, {
          token: compliance,
        })
      ).body;
    const kafka = await new RawKafka().connect();
    try {
      const grant = envelope(consentDecidedV1.type, {
        conversationId: randomUUID(),
        formId: 'playbook-only',
        purpose: 'chat_follow_up',
        formVersion: null,
        formTextHash: shownText,
        granted: true,
        evidenceMessageId: null,
        language: 'en',
        decidedAt: new Date().toISOString(),
      });
      await kafka.produce(stack.topic(consentDecidedV1.topic), [{ key: subjectId, value: JSON.stringify(grant) }]);
      await waitFor(async () => (await history()).length === 1, { what: 'the chat grant in the ledger' });
      // "Unsubscribe" said in another conversation withdraws it.
      const unsubscribe = envelope(dataRequestedV1.type, {
        conversationId: randomUUID(),
        request: 'unsubscribe',
        evidenceMessageId: null,
        requestedAt: new Date().toISOString(),
      });
      await kafka.produce(stack.topic(dataRequestedV1.topic), [{ key: subjectId, value: JSON.stringify(unsubscribe) }]);
      const entries = await waitFor(
        async () => {
          const found = await history();
          return found.length === 2 && found;
        },
        { what: 'the withdrawal in the ledger' },
      );
      expect(entries[1]).toMatchObject({
        action: 'withdrawn',
        purpose: 'chat_follow_up',
        formId: 'playbook-only',
        formVersion: null,
        formTextHash: shownText,
      });
    } finally {
      await kafka.disconnect();
    }
  });

  it('makes retries safe with an Idempotency-Key: one entry, the same answer, even for concurrent retries', async () => {
    const body = { subjectId: randomUUID(), purpose: 'analytics', action: 'granted' };
    const post = (key: string) =>
      ledger().request<Recorded>('POST', '/v1/consents', {
        token: integrator,
        body,
        headers: { 'idempotency-key': key },
      });
    const first = await post('retry-1');
    const again = await post('retry-1');
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.entry.leafIndex).toBe(first.body.entry.leafIndex);

    const concurrent = await Promise.all(Array.from({ length: 5 }, () => post('retry-2')));
    expect(new Set(concurrent.map((response) => response.body.entry.leafIndex)).size).toBe(1);

    // The same key with another decision is a client bug, not a retry: refused, and the new decision not dropped
    // silently behind the first one's answer.
    const reused = await ledger().request('POST', '/v1/consents', {
      token: integrator,
      body: { ...body, action: 'withdrawn' },
      headers: { 'idempotency-key': 'retry-1' },
    });
    expect([reused.status, (reused.body as { code?: string }).code]).toEqual([422, 'idempotency_key_reused']);
    const history = await ledger().request<ConsentEntry[]>('GET', `/v1/consents/subjects/${body.subjectId}/history`, {
      token: compliance,
    });
    expect(history.body).toHaveLength(2);

    const refused = await post('no spaces allowed');
    expect([refused.status, (refused.body as unknown as { code: string }).code]).toEqual([
      400,
      'invalid_idempotency_key',
    ]);
  });

  it('keeps the compliance queries to compliance (and admin): an integrator or agent key gets 403', async () => {
    const agent = await issueKey('agent');
    // The new key reaches the ledger through Kafka: until then it is unknown there (401), not refused (403).
    await waitFor(async () => (await ledger().request('GET', '/v1/consents/counts', { token: agent })).status !== 401, {
      what: 'the agent key at the consent ledger',
    });
    const subject = randomUUID();
    const compliancePaths: [string, string][] = [
      ['GET', `/v1/consents/subjects/${subject}/history`],
      ['GET', '/v1/consents?purpose=newsletter'],
      ['GET', '/v1/consents/counts'],
      ['GET', '/v1/consents/export?format=json'],
      ['GET', '/v1/ledger/status'],
      ['POST', '/v1/ledger/verify'],
    ];
    for (const [method, path] of compliancePaths) {
      for (const token of [integrator, agent]) {
        const refused = await ledger().request(method as 'GET' | 'POST', path, { token });
        expect([method, path, refused.status]).toEqual([method, path, 403]);
      }
      // Compliance is let through (an unknown subject's history is a 404, not a refusal).
      const allowed = await ledger().request(method as 'GET' | 'POST', path, { token: compliance });
      expect([method, path, [401, 403].includes(allowed.status)]).toEqual([method, path, false]);
    }
  });

  it('serves inclusion and consistency proofs against signed heads', async () => {
    const first = await ledger().request<{ treeSize: number; rootHash: string }>('POST', '/v1/ledger/tree-heads', {
      token: compliance,
    });
    const recorded = await record({ subjectId: randomUUID(), purpose: 'analytics', action: 'granted' });
    const second = await ledger().request<{ treeSize: number; rootHash: string }>('POST', '/v1/ledger/tree-heads', {
      token: compliance,
    });
    expect(second.body.treeSize).toBe(recorded.entry.leafIndex + 1);
    const publicKey = (
      await ledger().request<{ publicKey: string }>('GET', '/v1/ledger/public-key', { token: compliance })
    ).body.publicKey;
    const latest = await ledger().request<SignedTreeHead>('GET', '/v1/ledger/tree-heads/latest', { token: compliance });
    const { head, signature } = fromSignedTreeHead(latest.body);
    expect(verifyTreeHead(head, signature, createPublicKey(publicKey))).toBe(true);
    expect(verifyTreeHead({ ...head, treeSize: head.treeSize + 1 }, signature, createPublicKey(publicKey))).toBe(false);

    const inclusion = await ledger().request<{ proof: string[]; treeHead: { treeSize: number; rootHash: string } }>(
      'GET',
      `/v1/ledger/entries/${recorded.entry.leafIndex}/inclusion-proof`,
      { token: compliance },
    );
    const hex = (value: string) => Buffer.from(value, 'hex');
    expect(
      verifyInclusion(
        hex(recorded.leafHash),
        recorded.entry.leafIndex,
        inclusion.body.treeHead.treeSize,
        inclusion.body.proof.map(hex),
        hex(inclusion.body.treeHead.rootHash),
      ),
    ).toBe(true);

    const consistency = await ledger().request<{ proof: string[] }>(
      'GET',
      `/v1/ledger/consistency-proof?from=${first.body.treeSize}&to=${second.body.treeSize}`,
      { token: compliance },
    );
    expect(
      verifyConsistency(
        first.body.treeSize,
        second.body.treeSize,
        consistency.body.proof.map(hex),
        hex(first.body.rootHash),
        hex(second.body.rootHash),
      ),
    ).toBe(true);
    const notYet = await ledger().request<{ code: string }>(
      'GET',
      `/v1/ledger/entries/${recorded.entry.leafIndex + 1}/inclusion-proof`,
      { token: compliance },
    );
    expect(notYet.status).toBe(409);
  });

  it("refuses, in the database, any change to the log by the service's own role", async () => {
    for (const statement of [
      `UPDATE consent_ledger.ledger_entries SET action = 'withdrawn'`,
      'DELETE FROM consent_ledger.ledger_entries',
      'TRUNCATE consent_ledger.ledger_entries',
      'DELETE FROM consent_ledger.tree_heads',
      `UPDATE consent_ledger.ledger_nodes SET hash = hash`,
      `UPDATE consent_ledger.consent_forms SET text = 'rewritten'`,
    ]) {
      await expect(stack.database.queryAsService('consent_ledger', statement)).rejects.toThrow(
        /permission denied|append-only/,
      );
    }
  });

  it("keeps the service's own role from undoing append-only: it owns nothing, and cannot re-grant or unprotect", async () => {
    const status = await ledger().request<{ appendOnlyEnforced: boolean; appendOnlyGaps: string[] }>(
      'GET',
      '/v1/ledger/status',
      { token: compliance },
    );
    expect(status.status).toBe(200);
    if (!stack.database.separateRoles) {
      // One role migrates and runs the service (only DATABASE_URL is set): it owns the tables, and the ledger says so.
      expect(status.body).toMatchObject({
        appendOnlyEnforced: false,
        appendOnlyGaps: [expect.stringMatching(/owns .*ledger_entries/)],
      });
      return;
    }
    expect(status.body).toMatchObject({ appendOnlyEnforced: true, appendOnlyGaps: [] });
    for (const table of ['consent_forms', 'ledger_entries', 'ledger_nodes', 'tree_heads', 'log_keys']) {
      const target = `consent_ledger.${table}`;
      // Re-granting itself what was revoked grants nothing (Postgres only warns): every change stays refused.
      await stack.database.queryAsService(
        'consent_ledger',
        `GRANT UPDATE, DELETE, TRUNCATE ON ${target} TO CURRENT_USER`,
      );
      for (const statement of [
        `UPDATE ${target} SET tenant_id = tenant_id`,
        `DELETE FROM ${target}`,
        `TRUNCATE ${target}`,
        `ALTER TABLE ${target} DISABLE TRIGGER USER`,
        `DROP TRIGGER ${table}_append_only ON ${target}`,
        `ALTER TABLE ${target} OWNER TO CURRENT_USER`,
      ]) {
        await expect(stack.database.queryAsService('consent_ledger', statement)).rejects.toThrow(
          /permission denied|must be owner/,
        );
      }
      const [privileges] = await stack.database.queryAsService<{ change: boolean; read: boolean; add: boolean }>(
        'consent_ledger',
        `SELECT has_table_privilege($1, 'UPDATE') OR has_table_privilege($1, 'DELETE') AS change,
                has_table_privilege($1, 'SELECT') AS read, has_table_privilege($1, 'INSERT') AS add`,
        [target],
      );
      expect([table, privileges]).toEqual([table, { change: false, read: true, add: true }]);
    }
    expect(await verify()).toMatchObject({ appendOnlyEnforced: true });
  });

  it('fails closed: when the append fails, nothing is recorded, announced or numbered', async () => {
    const before = await verify();
    await stack.database.query(
      `ALTER TABLE consent_ledger.ledger_entries ADD CONSTRAINT test_refuse CHECK (purpose <> 'doomed') NOT VALID`,
    );
    try {
      const refused = await ledger().request('POST', '/v1/consents', {
        token: integrator,
        body: { subjectId: randomUUID(), purpose: 'doomed', action: 'granted' },
      });
      expect(refused.status).toBeGreaterThanOrEqual(400);
    } finally {
      await stack.database.query('ALTER TABLE consent_ledger.ledger_entries DROP CONSTRAINT test_refuse');
    }
    const [{ count }] = await stack.database.query<{ count: string }>(
      `SELECT count(*) FROM consent_ledger.outbox_events WHERE envelope::text LIKE '%doomed%'`,
    );
    expect(count).toBe('0');
    const after = await verify();
    expect(after).toMatchObject({ ok: true, logSize: before.logSize });
  });

  it('answers every request of a group that fails before its append (here: claiming idempotency keys)', async () => {
    const before = await verify();
    await stack.database.query(
      'ALTER TABLE consent_ledger.idempotency_keys ADD CONSTRAINT test_refuse CHECK (false) NOT VALID',
    );
    try {
      const post = (key?: string) =>
        ledger().request<{ code: string }>('POST', '/v1/consents', {
          token: integrator,
          body: { subjectId: randomUUID(), purpose: 'analytics', action: 'granted' },
          headers: key ? { 'idempotency-key': key } : {},
        });
      // Keyed requests fail while claiming their key; one without a key may share a failing group.
      const answers = await Promise.race([
        Promise.all([post('group-1'), post('group-2'), post(), post('group-3')]),
        new Promise<'hanging'>((resolveLater) => setTimeout(() => resolveLater('hanging'), 10_000)),
      ]);
      if (answers === 'hanging') throw new Error('a request of the failed group was never answered');
      const keyed = [answers[0], answers[1], answers[3]];
      expect(keyed.map((answer) => [answer.status, answer.body.code])).toEqual(
        Array.from({ length: 3 }, () => [503, 'not_recorded']),
      );
      expect([201, 503]).toContain(answers[2].status);
    } finally {
      await stack.database.query('ALTER TABLE consent_ledger.idempotency_keys DROP CONSTRAINT test_refuse');
    }
    const after = await verify();
    expect(after.ok).toBe(true);
    expect(after.logSize).toBeLessThanOrEqual(before.logSize + 1);
  });

  it('names exactly which entry was changed, removed or reordered directly in the database', async () => {
    const subjects = Array.from({ length: 6 }, () => randomUUID());
    for (const subjectId of subjects) await record({ subjectId, purpose: 'profiling', action: 'granted' });
    await ledger().request('POST', '/v1/ledger/tree-heads', { token: compliance });
    const clean = await verify();
    expect(clean.ok).toBe(true);
    const indexes = (
      await stack.database.query<{ leaf_index: string }>(
        `SELECT leaf_index FROM consent_ledger.ledger_entries WHERE purpose = 'profiling' ORDER BY leaf_index`,
      )
    ).map((row) => Number(row.leaf_index));

    await asAttacker(['ledger_entries'], async () => {
      await stack.database.query(
        `UPDATE consent_ledger.ledger_entries SET canonical = replace(canonical, '"granted"', '"withdrawn"'),
           action = 'withdrawn' WHERE tenant_id = $1 AND leaf_index = $2`,
        [tenant.tenantId, indexes[1]],
      );
      await stack.database.query(`DELETE FROM consent_ledger.ledger_entries WHERE tenant_id = $1 AND leaf_index = $2`, [
        tenant.tenantId,
        indexes[3],
      ]);
      // Reorder: swap the contents of two rows.
      await stack.database.query(
        `UPDATE consent_ledger.ledger_entries a SET canonical = b.canonical, leaf_hash = b.leaf_hash, subject_id = b.subject_id
         FROM consent_ledger.ledger_entries b
         WHERE a.tenant_id = $1 AND b.tenant_id = $1
           AND ((a.leaf_index = $2 AND b.leaf_index = $3) OR (a.leaf_index = $3 AND b.leaf_index = $2))`,
        [tenant.tenantId, indexes[4], indexes[5]],
      );
    });
    // A stored subtree hash (proofs are built from them) changed under sound entries.
    await asAttacker(['ledger_nodes'], () =>
      stack.database
        .query(
          `UPDATE consent_ledger.ledger_nodes SET hash = sha256(hash) WHERE tenant_id = $1 AND level = 1 AND index = 0`,
          [tenant.tenantId],
        )
        .then(() => undefined),
    );
    // A row slipped in past the log's end (INSERT is the service's right, so no protection stops it).
    const forgedIndex = indexes[5] + 10;
    await stack.database.query(
      `INSERT INTO consent_ledger.ledger_entries
         (tenant_id, leaf_index, subject_id, purpose, action, recorded_at, canonical, leaf_hash)
       SELECT tenant_id, $2, subject_id, purpose, action, recorded_at, canonical, leaf_hash
       FROM consent_ledger.ledger_entries WHERE tenant_id = $1 AND leaf_index = $3`,
      [tenant.tenantId, forgedIndex, indexes[0]],
    );
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      { leafIndex: indexes[1], problem: 'changed' },
      { leafIndex: indexes[3], problem: 'missing' },
      { leafIndex: indexes[4], problem: 'moved' },
      { leafIndex: indexes[5], problem: 'moved' },
      { leafIndex: forgedIndex, problem: 'extra' },
    ]);
    expect(report.corruptNodes).toEqual([{ level: 1, index: 0 }]);
    expect(report.treeHeads.at(-1)).toMatchObject({ ok: false });
    // A bundle exported now shows the auditor the changed entry too: it no longer proves into the signed tree.
    const exported = await ledger().request<ProofBundle>('GET', '/v1/consents/export?purpose=profiling', {
      token: compliance,
    });
    const publicKey = (
      await ledger().request<{ publicKey: string }>('GET', '/v1/ledger/public-key', { token: compliance })
    ).body.publicKey;
    const offline = verifyBundle(exported.body, publicKey);
    expect(offline.ok).toBe(false);
    expect(offline.entries.filter((entry) => !entry.ok).map((entry) => entry.leafIndex)).toEqual(
      expect.arrayContaining([indexes[1]]),
    );
    // An export of the whole log claims every entry: the removed one is named offline too.
    const whole = await ledger().request<ProofBundle>('GET', '/v1/consents/export', { token: compliance });
    expect(whole.body.scope).toEqual({ kind: 'range', fromIndex: 0, toIndex: whole.body.treeHead.treeSize });
    expect(verifyBundle(whole.body, publicKey).scope).toEqual({
      kind: 'range',
      ok: false,
      reason: `claims entries 0-${whole.body.treeHead.treeSize - 1}; missing: ${indexes[3]}`,
    });
    // Heads signed before the first tampered entry still verify.
    expect(report.treeHeads.filter((head) => head.treeSize <= indexes[1]).every((head) => head.ok)).toBe(true);
  });

  it('names entries cut off the end of the log, even when the right edge is lowered to match', async () => {
    // A tenant of its own: its log is cut here, and the other tests' logs stay as they are.
    const victim = await createTenant(stack.service('conversation'), stack.bootstrapKey, 'Truncated Co');
    const [writer, auditor] = [await issueKey('integrator', victim), await issueKey('compliance', victim)];
    await waitFor(async () => (await ledger().request('GET', '/v1/consent-forms', { token: auditor })).status === 200, {
      what: "the second tenant's keys at the consent ledger",
    });
    for (let i = 0; i < 5; i++)
      await record({ subjectId: randomUUID(), purpose: 'profiling', action: 'granted' }, writer);
    await ledger().request('POST', '/v1/ledger/tree-heads', { token: auditor });
    expect(await verify(auditor)).toMatchObject({ ok: true, logSize: 5 });

    // The last three entries and the nodes they completed go, and the right edge is set back to what the
    // remaining nodes say: every table agrees with a log of two entries, except the signed head of five.
    await asAttacker(['ledger_entries', 'ledger_nodes'], async () => {
      await stack.database.query('DELETE FROM consent_ledger.ledger_entries WHERE tenant_id = $1 AND leaf_index >= 2', [
        victim.tenantId,
      ]);
      await stack.database.query(
        'DELETE FROM consent_ledger.ledger_nodes WHERE tenant_id = $1 AND ("index" + 1) * (1 << "level") > 2',
        [victim.tenantId],
      );
    });
    await stack.database.query(
      `UPDATE consent_ledger.log_frontiers SET size = 2, hashes = jsonb_build_array(encode(
         (SELECT hash FROM consent_ledger.ledger_nodes WHERE tenant_id = $1 AND level = 1 AND index = 0), 'hex'))
       WHERE tenant_id = $1`,
      [victim.tenantId],
    );

    const report = await verify(auditor);
    expect(report).toMatchObject({ ok: false, logSize: 5, entriesChecked: 2 });
    expect(report.problems).toEqual([2, 3, 4].map((leafIndex) => ({ leafIndex, problem: 'missing' })));
    expect(report.frontier).toEqual({ size: 2, ok: false, reason: expect.stringMatching(/entries 2-4 are past it/) });
    expect(report.treeHeads).toEqual([
      { treeSize: 5, ok: false, reason: expect.stringMatching(/covers 5 entries, the stored log ends at 2/) },
    ]);
  });

  /** An instant that lies strictly between what happened before and what happens after this call. */
  async function instantPassed(): Promise<string> {
    await new Promise((resolveLater) => setTimeout(resolveLater, 20));
    const instant = new Date().toISOString();
    await new Promise((resolveLater) => setTimeout(resolveLater, 20));
    return instant;
  }

  async function verify(token = compliance) {
    const response = await ledger().request<{
      ok: boolean;
      logSize: number;
      entriesChecked: number;
      problems: { leafIndex: number; problem: string }[];
      corruptNodes: { level: number; index: number }[];
      treeHeads: { treeSize: number; ok: boolean; reason?: string }[];
      frontier: { size: number; ok: boolean; reason?: string };
    }>('POST', '/v1/ledger/verify', { token });
    expect(response.status).toBe(200);
    return response.body;
  }

  /** An attacker with the database's keys: they must first lift the protections of the tables they touch. */
  async function asAttacker(tables: string[], tamper: () => Promise<void>) {
    for (const table of tables) {
      await stack.database.query(`ALTER TABLE consent_ledger.${table} DISABLE TRIGGER USER`);
      await stack.database.query(`GRANT UPDATE, DELETE ON consent_ledger.${table} TO CURRENT_USER`);
    }
    try {
      await tamper();
    } finally {
      for (const table of tables) {
        await stack.database.query(`REVOKE UPDATE, DELETE ON consent_ledger.${table} FROM CURRENT_USER`);
        await stack.database.query(`ALTER TABLE consent_ledger.${table} ENABLE TRIGGER USER`);
      }
    }
  }
});
