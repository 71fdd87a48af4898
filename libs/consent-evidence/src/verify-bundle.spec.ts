import { generateKeyPairSync, KeyObject } from 'node:crypto';
import {
  CompactFrontier,
  consistencyProof,
  inclusionProof,
  MemoryNodeStore,
  signTreeHead,
  TreeHead,
} from '@candor/merkle';
import { ConsentEntry, entryLeafHash } from './consent-entry';
import {
  buildProofBundle,
  BundleScope,
  ProofBundle,
  SignedTreeHead,
  toSignedTreeHead,
  validateProofBundle,
} from './proof-bundle';
import { parseEd25519PublicKey, verifyBundle } from './verify-bundle';

const TENANT = '6f1c2b7e-3d4a-4b5c-8d9e-0f1a2b3c4d5e';
const OTHER_TENANT = '0b0b0b0b-1111-4222-8333-444444444444';
const T0 = Date.parse('2026-11-29T10:00:00.000Z');

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, pem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}
const KEY = keyPair();
const OTHER_KEY = keyPair();

function entryAt(leafIndex: number, overrides: Partial<ConsentEntry> = {}): ConsentEntry {
  return {
    v: 1,
    tenantId: TENANT,
    leafIndex,
    subjectId: `a1b2c3d4-e5f6-4a7b-8c9d-${leafIndex.toString(16).padStart(12, '0')}`,
    purpose: leafIndex % 2 ? 'analytics' : 'marketing_email',
    action: 'granted',
    legalBasis: 'consent',
    formId: 'newsletter-signup',
    formVersion: 3,
    formTextHash: 'ab'.repeat(32),
    channel: 'chat',
    evidence: { conversationId: 'c0ffee00-1234-4abc-8def-0123456789ab', messageId: null, reference: null },
    jurisdiction: 'DE',
    actor: 'visitor',
    recordedAt: new Date(T0 + leafIndex * 60_000).toISOString(),
    ...overrides,
  };
}

/** A filtered export's scope: it claims nothing about the entries it leaves out. */
const SELECTION: BundleScope = {
  kind: 'filtered',
  filter: { purpose: null, action: 'granted', recordedFrom: null, recordedBefore: null, afterLeafIndex: null },
};

/** A tenant's log as the ledger service keeps it: a frontier for appends, every completed node stored. */
class TestLog {
  private readonly frontier = CompactFrontier.empty();
  private readonly store = new MemoryNodeStore();

  constructor(
    private readonly privateKey: KeyObject = KEY.privateKey,
    private readonly tenantId = TENANT,
  ) {}

  appendEntry(entry: ConsentEntry): void {
    this.store.put(this.frontier.append(entryLeafHash(entry)));
  }

  append(count: number, overrides: Partial<ConsentEntry> = {}): void {
    for (let i = 0; i < count; i++)
      this.appendEntry(entryAt(this.frontier.size, { tenantId: this.tenantId, ...overrides }));
  }

  signedHead(timestamp = T0 + this.frontier.size * 60_000): SignedTreeHead {
    const head: TreeHead = {
      logId: this.tenantId,
      treeSize: this.frontier.size,
      rootHash: this.frontier.root(),
      timestamp,
    };
    return toSignedTreeHead(head, signTreeHead(head, this.privateKey));
  }

  async bundle(
    head: SignedTreeHead,
    entries: ConsentEntry[],
    olderHeads: SignedTreeHead[] = [],
    proofIndexes = entries.map((entry) => entry.leafIndex),
    scope: BundleScope = SELECTION,
  ): Promise<ProofBundle> {
    return buildProofBundle({
      tenantId: this.tenantId,
      publicKeyPem: KEY.pem,
      scope,
      treeHead: head,
      entries: await Promise.all(
        entries.map(async (entry, i) => ({
          entry,
          inclusionProof: await inclusionProof(proofIndexes[i], head.treeSize, this.store.reader),
        })),
      ),
      consistency: await Promise.all(
        olderHeads.map(async (from) => ({
          from,
          proof: await consistencyProof(from.treeSize, head.treeSize, this.store.reader),
        })),
      ),
      exportedAt: '2026-12-01T09:00:00.000Z',
    });
  }
}

/** Genuine log of 11 entries; the auditor saved the head at size 6; the bundle proves entries 0, 3, 6 and 10. */
async function genuine() {
  const log = new TestLog();
  log.append(6);
  const saved = log.signedHead();
  log.append(5);
  const head = log.signedHead();
  const bundle = await log.bundle(
    head,
    [0, 3, 6, 10].map((i) => entryAt(i)),
    [saved],
  );
  return { log, saved, head, bundle };
}

/** A deep copy to tamper with, as an attacker editing the exported JSON would. */
function copy(bundle: ProofBundle): ProofBundle {
  return JSON.parse(JSON.stringify(bundle));
}

function flipHex(hex: string): string {
  return (hex[0] === '0' ? '1' : '0') + hex.slice(1);
}

describe('verifyBundle', () => {
  let good: ProofBundle;
  beforeAll(async () => {
    good = (await genuine()).bundle;
  });

  it('verifies a genuine bundle with only the trusted public key, after a JSON round trip', () => {
    const report = verifyBundle(copy(good), KEY.pem);
    expect(report).toEqual({
      ok: true,
      treeHead: { ok: true, treeSize: 11 },
      entries: [0, 3, 6, 10].map((leafIndex) => ({ leafIndex, ok: true })),
      consistency: [{ fromSize: 6, ok: true }],
      scope: { kind: 'filtered', ok: true },
      errors: [],
    });
  });

  it('verifies heads of every small size and every leaf position, and all older sizes', async () => {
    const log = new TestLog();
    for (let size = 1; size <= 9; size++) {
      log.append(1);
      const older = Array.from({ length: size }, (_, i) => i + 1).map((m) => {
        const replay = new TestLog();
        replay.append(m);
        return replay.signedHead(T0);
      });
      const bundle = await log.bundle(
        log.signedHead(),
        Array.from({ length: size }, (_, i) => entryAt(i)),
        older,
      );
      const report = verifyBundle(bundle, KEY.pem);
      expect(report.errors).toEqual([]);
      expect(report.ok).toBe(true);
    }
  });

  it('accepts a bundle with no entries and no consistency proofs (the head alone)', async () => {
    const { log, head } = await genuine();
    expect(verifyBundle(await log.bundle(head, []), KEY.pem).ok).toBe(true);
  });

  describe('detects a changed entry field and names the entry', () => {
    it.each<[string, Partial<ConsentEntry>]>([
      ['action granted -> withdrawn', { action: 'withdrawn' }],
      ['recordedAt', { recordedAt: '2026-11-29T09:59:59.999Z' }],
      ['purpose', { purpose: 'profiling' }],
      ['subjectId', { subjectId: 'ffffffff-e5f6-4a7b-8c9d-000000000003' }],
      ['formTextHash', { formTextHash: 'cd'.repeat(32) }],
      ['legalBasis', { legalBasis: 'legitimate_interests' }],
    ])('%s', (_label, change) => {
      const tampered = copy(good);
      Object.assign(tampered.entries[1].entry, change);
      const report = verifyBundle(tampered, KEY.pem);
      expect(report.ok).toBe(false);
      expect(report.treeHead.ok).toBe(true);
      expect(report.entries.map((e) => e.ok)).toEqual([true, false, true, true]);
      expect(report.entries[1]).toEqual({ leafIndex: 3, ok: false, reason: expect.stringMatching(/not included/) });
      expect(report.errors).toEqual([]);
    });
  });

  it('detects an entry changed into an invalid one and says why', () => {
    const tampered = copy(good);
    (tampered.entries[2].entry as unknown as Record<string, unknown>).action = 'revoked';
    const report = verifyBundle(tampered, KEY.pem);
    expect(report.entries[2]).toEqual({
      leafIndex: 6,
      ok: false,
      reason: 'malformed: /entries/2/entry/action must be one of granted, withdrawn, expired',
    });
    expect(report.errors).toEqual(['/entries/2/entry/action must be one of granted, withdrawn, expired']);
  });

  describe('an entry deleted from the log and the tree rebuilt before the head was signed', () => {
    // The insider has the signing key: the rewritten log's head is validly signed.
    async function rewritten() {
      const { saved } = await genuine();
      const log = new TestLog();
      for (let i = 0; i < 11; i++) if (i !== 4) log.appendEntry(entryAt(i));
      return { log, saved, head: log.signedHead() };
    }

    it('no entry after the gap verifies at its own index, whatever proof is supplied', async () => {
      const { log, head } = await rewritten();
      // Entry 5 now sits at position 4: neither that position's proof nor position 5's works for leafIndex 5.
      for (const position of [4, 5]) {
        const report = verifyBundle(await log.bundle(head, [entryAt(5)], [], [position]), KEY.pem);
        expect(report.treeHead.ok).toBe(true);
        expect(report.entries).toEqual([{ leafIndex: 5, ok: false, reason: expect.stringMatching(/not included/) }]);
      }
    });

    it('entries before the gap still verify, but the last entry lies beyond the shrunken head', async () => {
      const { log, head } = await rewritten();
      const bundle = await log.bundle(head, [entryAt(3)]);
      bundle.entries.push({ entry: entryAt(10), inclusionProof: [] });
      const report = verifyBundle(bundle, KEY.pem);
      expect(report.entries[0]).toEqual({ leafIndex: 3, ok: true });
      expect(report.entries[1]).toMatchObject({ leafIndex: 10, ok: false });
      expect(report.errors).toEqual(['/entries/1/entry/leafIndex must be less than treeHead.treeSize (10)']);
    });

    it('the head the auditor saved earlier is not a prefix of the rewritten log', async () => {
      const { log, saved, head } = await rewritten();
      const report = verifyBundle(await log.bundle(head, [entryAt(2)], [saved]), KEY.pem);
      expect(report.ok).toBe(false);
      expect(report.entries).toEqual([{ leafIndex: 2, ok: true }]);
      expect(report.consistency).toEqual([
        { fromSize: 6, ok: false, reason: 'the older head is not a prefix of the tree head (consistency proof fails)' },
      ]);
    });
  });

  it('detects a changed leafIndex', () => {
    const tampered = copy(good);
    tampered.entries[1].entry.leafIndex = 2;
    const report = verifyBundle(tampered, KEY.pem);
    expect(report.entries[1]).toEqual({ leafIndex: 2, ok: false, reason: expect.stringMatching(/not included/) });
  });

  it('reports duplicate leaf indexes', () => {
    const tampered = copy(good);
    tampered.entries.push(copy(good).entries[1]);
    const report = verifyBundle(tampered, KEY.pem);
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual(['/entries/4/entry/leafIndex duplicates /entries/1/entry/leafIndex']);
    expect(report.entries[4]).toMatchObject({ leafIndex: 3, ok: false });
  });

  describe('detects a tampered inclusion proof', () => {
    it('a flipped hash', () => {
      const tampered = copy(good);
      tampered.entries[0].inclusionProof[2] = flipHex(tampered.entries[0].inclusionProof[2]);
      const report = verifyBundle(tampered, KEY.pem);
      expect(report.entries[0]).toEqual({ leafIndex: 0, ok: false, reason: expect.stringMatching(/not included/) });
      expect(report.entries.slice(1).every((e) => e.ok)).toBe(true);
    });

    it('a truncated proof', () => {
      const tampered = copy(good);
      tampered.entries[3].inclusionProof.pop();
      expect(verifyBundle(tampered, KEY.pem).entries[3]).toEqual({
        leafIndex: 10,
        ok: false,
        reason: 'inclusion proof has 1 hashes; leaf 10 of a tree of 11 needs 2',
      });
    });

    it('an extended proof', () => {
      const tampered = copy(good);
      tampered.entries[0].inclusionProof.push('00'.repeat(32));
      expect(verifyBundle(tampered, KEY.pem).entries[0].reason).toBe(
        'inclusion proof has 5 hashes; leaf 0 of a tree of 11 needs 4',
      );
    });

    it('a proof hash that is not 32 bytes of hex', () => {
      const tampered = copy(good);
      tampered.entries[0].inclusionProof[0] = tampered.entries[0].inclusionProof[0].slice(2);
      const report = verifyBundle(tampered, KEY.pem);
      expect(report.entries[0].reason).toBe('malformed: /entries/0/inclusionProof/0 must be a lowercase hex SHA-256');
    });
  });

  describe('detects a tampered tree head', () => {
    it.each<[string, (head: SignedTreeHead) => void]>([
      ['treeSize', (head) => (head.treeSize = 12)],
      ['rootHash', (head) => (head.rootHash = flipHex(head.rootHash))],
      ['timestamp', (head) => (head.timestamp += 1)],
      ['signature', (head) => (head.signature = `${head.signature[0] === 'A' ? 'B' : 'A'}${head.signature.slice(1)}`)],
    ])('%s', (_label, change) => {
      const tampered = copy(good);
      change(tampered.treeHead);
      const report = verifyBundle(tampered, KEY.pem);
      expect(report.ok).toBe(false);
      expect(report.treeHead).toEqual({
        ok: false,
        treeSize: tampered.treeHead.treeSize,
        reason: 'signature does not verify with the trusted key (head altered or signed by another key)',
      });
    });

    it('a signature of the wrong length', () => {
      const tampered = copy(good);
      tampered.treeHead.signature = Buffer.alloc(63).toString('base64');
      expect(verifyBundle(tampered, KEY.pem).treeHead).toEqual({
        ok: false,
        treeSize: 11,
        reason: 'malformed: /treeHead/signature must be a base64 Ed25519 signature (64 bytes)',
      });
    });

    it('a head signed with another key', async () => {
      const { log } = await genuine();
      const forged = new TestLog(OTHER_KEY.privateKey);
      forged.append(11);
      const bundle = await log.bundle(forged.signedHead(), [entryAt(1)]);
      expect(verifyBundle(bundle, KEY.pem).treeHead.ok).toBe(false);
    });
  });

  it('fails everything signed when the trusted key is another one, and notes the mismatch', () => {
    const report = verifyBundle(copy(good), OTHER_KEY.pem);
    expect(report.ok).toBe(false);
    expect(report.treeHead.ok).toBe(false);
    expect(report.consistency[0]).toMatchObject({ ok: false, reason: expect.stringMatching(/^older head: signature/) });
    expect(report.errors).toEqual([
      'the bundle publicKey differs from the trusted key; everything was verified with the trusted key',
    ]);
  });

  it('fails a bundle whose stated key is not the trusted one even when the signatures verify', () => {
    const tampered = copy(good);
    tampered.publicKey = OTHER_KEY.pem;
    const report = verifyBundle(tampered, KEY.pem);
    expect(report.treeHead.ok).toBe(true);
    expect(report.ok).toBe(false);
    expect(report.errors).toHaveLength(1);
  });

  it.each([
    ['garbage', 'not a key'],
    ['an empty string', ''],
    ['a private key', KEY.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()],
    [
      'an RSA public key',
      generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    ],
  ])('refuses %s as the trusted key', (_label, pem) => {
    const report = verifyBundle(copy(good), pem);
    expect(report.ok).toBe(false);
    expect(report.treeHead).toMatchObject({ ok: false, reason: 'no usable trusted key' });
    expect(report.errors[0]).toBe('the trusted public key is not an Ed25519 SPKI PEM public key');
  });

  describe('consistency', () => {
    it('fails when the older head is from a fork of the log', async () => {
      const { log, head } = await genuine();
      const fork = new TestLog();
      fork.append(5);
      fork.append(1, { action: 'withdrawn' });
      const report = verifyBundle(await log.bundle(head, [], [fork.signedHead()]), KEY.pem);
      expect(report.consistency).toEqual([
        { fromSize: 6, ok: false, reason: 'the older head is not a prefix of the tree head (consistency proof fails)' },
      ]);
    });

    it('fails on a tampered older head or proof', () => {
      const resized = copy(good);
      resized.consistency[0].from.treeSize = 7;
      expect(verifyBundle(resized, KEY.pem).consistency[0].reason).toMatch(/^older head: signature does not verify/);

      const flipped = copy(good);
      flipped.consistency[0].proof[0] = flipHex(flipped.consistency[0].proof[0]);
      expect(verifyBundle(flipped, KEY.pem).consistency[0].reason).toMatch(/not a prefix/);

      const truncated = copy(good);
      truncated.consistency[0].proof.pop();
      expect(verifyBundle(truncated, KEY.pem).consistency[0].reason).toMatch(/^consistency proof has \d+ hashes/);
    });

    it('rejects an "older" head larger than the tree head, or an empty one', () => {
      const larger = copy(good);
      larger.consistency[0].from.treeSize = 12;
      const report = verifyBundle(larger, KEY.pem);
      expect(report.consistency[0]).toMatchObject({ fromSize: 12, ok: false });
      expect(report.errors).toEqual(['/consistency/0/from/treeSize must be between 1 and treeHead.treeSize']);
      const empty = copy(good);
      empty.consistency[0].from.treeSize = 0;
      expect(verifyBundle(empty, KEY.pem).errors).toEqual([
        '/consistency/0/from/treeSize must be between 1 and treeHead.treeSize',
      ]);
    });

    it('accepts an older head equal to the tree head with an empty proof', async () => {
      const { log, head } = await genuine();
      expect(verifyBundle(await log.bundle(head, [], [head]), KEY.pem).ok).toBe(true);
    });
  });

  describe('tenant mismatches', () => {
    it('a bundle tenantId that is not the head log id', () => {
      const tampered = copy(good);
      tampered.tenantId = OTHER_TENANT;
      const report = verifyBundle(tampered, KEY.pem);
      expect(report.ok).toBe(false);
      expect(report.errors).toContain('/treeHead/logId must equal tenantId');
      expect(report.errors).toContain('/entries/0/entry/tenantId must equal the bundle tenantId');
      expect(report.errors).toContain('/consistency/0/from/logId must equal tenantId');
    });

    it("another tenant's entry slipped into the bundle", async () => {
      const other = new TestLog(KEY.privateKey, OTHER_TENANT);
      other.append(11);
      const foreign = (await other.bundle(other.signedHead(), [entryAt(2, { tenantId: OTHER_TENANT })])).entries[0];
      const tampered = copy(good);
      tampered.entries.push(foreign);
      const report = verifyBundle(tampered, KEY.pem);
      expect(report.entries[4]).toMatchObject({ leafIndex: 2, ok: false });
      expect(report.errors).toEqual(['/entries/4/entry/tenantId must equal the bundle tenantId']);
    });

    it('a head of another tenant signed with the same key', async () => {
      const other = new TestLog(KEY.privateKey, OTHER_TENANT);
      other.append(11);
      const tampered = copy(good);
      tampered.treeHead = other.signedHead();
      const report = verifyBundle(tampered, KEY.pem);
      expect(report.ok).toBe(false);
      expect(report.errors).toEqual(['/treeHead/logId must equal tenantId']);
    });
  });

  it('rejects another format tag and unknown properties', () => {
    const tampered = { ...copy(good), format: 'candor.consent-proof-bundle/3', note: 'hi' };
    expect(verifyBundle(tampered, KEY.pem).errors).toEqual([
      '/note is not an allowed property',
      '/format must be one of candor.consent-proof-bundle/2, candor.consent-proof-bundle/1',
    ]);
  });

  describe('scope: what the bundle claims to hold', () => {
    /** The whole log of 11 entries, as an unfiltered export states it. */
    async function wholeLog() {
      const { log, head } = await genuine();
      const all = Array.from({ length: 11 }, (_, i) => entryAt(i));
      return log.bundle(head, all, [], undefined, { kind: 'range', fromIndex: 0, toIndex: 11 });
    }

    it('a whole log with every entry once verifies', async () => {
      const report = verifyBundle(await wholeLog(), KEY.pem);
      expect(report.ok).toBe(true);
      expect(report.scope).toEqual({ kind: 'range', ok: true });
    });

    it('an entry left out of a claimed range is named, though every entry left verifies', async () => {
      const bundle = await wholeLog();
      bundle.entries = bundle.entries.filter(({ entry }) => ![3, 7, 8, 9].includes(entry.leafIndex));
      const report = verifyBundle(bundle, KEY.pem);
      expect(report.entries.every((entry) => entry.ok)).toBe(true);
      expect(report).toMatchObject({
        ok: false,
        scope: { kind: 'range', ok: false, reason: 'claims entries 0-10; missing: 3, 7-9' },
      });
    });

    it('an entry given twice, or outside the range, is named', async () => {
      const bundle = await wholeLog();
      bundle.scope = { kind: 'range', fromIndex: 2, toIndex: 11 };
      bundle.entries.push(copy(bundle).entries[5]);
      const report = verifyBundle(bundle, KEY.pem);
      expect(report.scope).toEqual({
        kind: 'range',
        ok: false,
        reason: 'claims entries 2-10; more than once: 5; outside the range: 0, 1',
      });
      expect(report.errors).toEqual(['/entries/11/entry/leafIndex duplicates /entries/5/entry/leafIndex']);
    });

    it('a range beyond the signed head, or reversed, is malformed', async () => {
      const beyond = await wholeLog();
      beyond.scope = { kind: 'range', fromIndex: 0, toIndex: 12 };
      expect(verifyBundle(beyond, KEY.pem).errors).toEqual([
        '/scope/toIndex must not be greater than treeHead.treeSize (11)',
      ]);
      const reversed = await wholeLog();
      reversed.scope = { kind: 'range', fromIndex: 5, toIndex: 4 };
      expect(verifyBundle(reversed, KEY.pem)).toMatchObject({
        ok: false,
        scope: { ok: false, reason: 'malformed: /scope/fromIndex must not be greater than toIndex' },
      });
    });

    it('a filtered bundle claims nothing about entries left out; a scope of no known kind is refused', () => {
      const trimmed = copy(good);
      trimmed.entries.pop();
      expect(verifyBundle(trimmed, KEY.pem)).toMatchObject({ ok: true, scope: { kind: 'filtered', ok: true } });
      const unknown = { ...copy(good), scope: { kind: 'everything' } };
      expect(verifyBundle(unknown, KEY.pem).errors).toEqual(['/scope/kind must be one of range, filtered']);
    });

    it('a bundle of format /1 states no scope and still verifies; a /2 bundle without one does not', () => {
      const { scope, ...rest } = copy(good);
      expect(scope.kind).toBe('filtered');
      const v1 = { ...rest, format: 'candor.consent-proof-bundle/1' };
      expect(verifyBundle(v1, KEY.pem)).toMatchObject({ ok: true, scope: { kind: 'unstated', ok: true } });
      expect(verifyBundle({ ...v1, scope }, KEY.pem).errors).toEqual(['/scope is not an allowed property']);
      expect(verifyBundle(rest, KEY.pem).errors).toEqual(['/scope is required']);
    });
  });

  describe('garbage in, ok:false out, never an exception', () => {
    const cases: [string, () => unknown][] = [
      ['null', () => null],
      ['undefined', () => undefined],
      ['an array', () => []],
      ['a string', () => 'bundle'],
      ['a number', () => 42],
      ['an empty object', () => ({})],
      ['missing treeHead', () => ({ ...copy(good), treeHead: undefined })],
      ['treeHead null', () => ({ ...copy(good), treeHead: null })],
      ['entries not an array', () => ({ ...copy(good), entries: { 0: copy(good).entries[0] } })],
      ['entries of nulls', () => ({ ...copy(good), entries: [null, 1, 'x', []] })],
      ['entry missing', () => ({ ...copy(good), entries: [{ inclusionProof: [] }] })],
      ['proofs of numbers', () => ({ ...copy(good), entries: [{ ...copy(good).entries[0], inclusionProof: [1, 2] }] })],
      ['a huge treeSize', () => ({ ...copy(good), treeHead: { ...good.treeHead, treeSize: 1e300 } })],
      ['a treeSize beyond 2^53', () => ({ ...copy(good), treeHead: { ...good.treeHead, treeSize: 2 ** 53 } })],
      ['a negative timestamp', () => ({ ...copy(good), treeHead: { ...good.treeHead, timestamp: -1 } })],
      [
        'a huge leafIndex',
        () => {
          const b = copy(good);
          b.entries[0].entry.leafIndex = 2 ** 60;
          return b;
        },
      ],
      ['consistency null', () => ({ ...copy(good), consistency: null })],
      ['consistency of garbage', () => ({ ...copy(good), consistency: [{ from: 'x', proof: 'y' }] })],
      ['publicKey missing', () => ({ ...copy(good), publicKey: undefined })],
      [
        'a Proxy whose getters throw',
        () =>
          new Proxy(copy(good), {
            get() {
              throw new Error('boom');
            },
          }),
      ],
    ];

    it.each(cases)('%s', (_label, make) => {
      let report: ReturnType<typeof verifyBundle> | undefined;
      expect(() => (report = verifyBundle(make(), KEY.pem))).not.toThrow();
      expect(report?.ok).toBe(false);
      expect(report?.errors.length).toBeGreaterThan(0);
      expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    });

    it('null and a non-string key as well', () => {
      expect(verifyBundle(null, undefined as unknown as string).ok).toBe(false);
      expect(verifyBundle(copy(good), 42 as unknown as string).ok).toBe(false);
    });
  });
});

describe('validateProofBundle / buildProofBundle', () => {
  it('accepts the genuine bundle', async () => {
    expect(validateProofBundle((await genuine()).bundle)).toEqual([]);
  });

  it('refuses to build a bundle that would not verify structurally', async () => {
    const { log, head } = await genuine();
    await expect(log.bundle(head, [entryAt(11)], [], [0])).rejects.toThrow(
      'Invalid proof bundle: /entries/0/entry/leafIndex must be less than treeHead.treeSize (11)',
    );
  });

  it('exposes the trusted-key parser', () => {
    expect(parseEd25519PublicKey(KEY.pem)?.equals(KEY.publicKey)).toBe(true);
    expect(parseEd25519PublicKey('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n')).toBeUndefined();
  });
});
