import { generateKeyPairSync } from 'node:crypto';
import { leafHash, signTreeHead, TreeHead, treeHeadSigningInput, verifyTreeHead } from './index';
import { flip } from './testdata/reference';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const head: TreeHead = {
  logId: 'candor/consent-ledger/tenant-42',
  treeSize: 1_234_567,
  rootHash: leafHash(Buffer.from('root')),
  timestamp: 1_767_225_600_000,
};

describe('signed tree heads', () => {
  it('encodes the documented layout', () => {
    const bytes = treeHeadSigningInput(head);
    const id = Buffer.from(head.logId);
    expect(bytes.subarray(0, 20).toString('latin1')).toBe('candor-tree-head/v1\0');
    expect(bytes.readUInt16BE(20)).toBe(id.length);
    expect(bytes.subarray(22, 22 + id.length)).toEqual(id);
    expect(bytes.readBigUInt64BE(22 + id.length)).toBe(1_234_567n);
    expect(bytes.readBigUInt64BE(30 + id.length)).toBe(1_767_225_600_000n);
    expect(bytes.subarray(38 + id.length)).toEqual(head.rootHash);
    expect(bytes).toHaveLength(38 + id.length + 32);
    expect(
      treeHeadSigningInput({ logId: 'é', treeSize: 0, timestamp: 0, rootHash: Buffer.alloc(32, 1) }).toString('hex'),
    ).toBe(
      Buffer.from('candor-tree-head/v1').toString('hex') + '00' + '0002' + 'c3a9' + '00'.repeat(16) + '01'.repeat(32),
    );
  });

  it('round-trips with an Ed25519 key', () => {
    const signature = signTreeHead(head, privateKey);
    expect(signature).toHaveLength(64);
    expect(verifyTreeHead(head, signature, publicKey)).toBe(true);
    expect(
      verifyTreeHead({ ...head, rootHash: Buffer.from(head.rootHash) }, new Uint8Array(signature), publicKey),
    ).toBe(true);
  });

  it('fails on any change to the head or the signature, and under another key', () => {
    const signature = signTreeHead(head, privateKey);
    const changed: TreeHead[] = [
      { ...head, logId: head.logId + 'x' },
      { ...head, logId: head.logId.slice(1) },
      { ...head, logId: '' },
      { ...head, treeSize: head.treeSize + 1 },
      { ...head, treeSize: head.treeSize - 1 },
      { ...head, treeSize: 0 },
      { ...head, timestamp: head.timestamp + 1 },
      { ...head, timestamp: head.timestamp - 1 },
      ...Array.from({ length: 256 }, (_, bit) => ({ ...head, rootHash: flip(head.rootHash, bit) })),
    ];
    const escaped = changed.filter((h) => verifyTreeHead(h, signature, publicKey));
    const flipped = Array.from({ length: 512 }, (_, bit) => flip(signature, bit));
    expect(escaped).toEqual([]);
    expect(flipped.filter((s) => verifyTreeHead(head, s, publicKey))).toEqual([]);
    expect(verifyTreeHead(head, signature, other.publicKey)).toBe(false);
    expect(verifyTreeHead(head, signTreeHead(head, other.privateKey), publicKey)).toBe(false);
  });

  it('refuses heads with no exact encoding, and verification never throws', () => {
    const bad: TreeHead[] = [
      { ...head, treeSize: -1 },
      { ...head, treeSize: 1.5 },
      { ...head, treeSize: 2 ** 53 },
      { ...head, timestamp: NaN },
      { ...head, timestamp: Number.MAX_SAFE_INTEGER + 2 },
      { ...head, rootHash: Buffer.alloc(31) },
      { ...head, logId: 'x'.repeat(65_536) },
      { ...head, logId: 'lone \ud800 surrogate' },
      { ...head, logId: 42 as never },
    ];
    const signature = signTreeHead(head, privateKey);
    for (const h of bad) {
      expect(() => treeHeadSigningInput(h)).toThrow();
      expect(() => signTreeHead(h, privateKey)).toThrow();
      expect(verifyTreeHead(h, signature, publicKey)).toBe(false);
    }
    expect(() => signTreeHead(head, publicKey)).toThrow(TypeError);
    expect(() => signTreeHead(head, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey)).toThrow(TypeError);
    for (const junk of [
      undefined,
      null,
      'sig',
      signature.subarray(0, 63),
      Buffer.concat([signature, Buffer.alloc(1)]),
    ]) {
      expect(verifyTreeHead(head, junk as never, publicKey)).toBe(false);
    }
    expect(verifyTreeHead(head, signature, privateKey)).toBe(false);
    expect(verifyTreeHead(head, signature, undefined as never)).toBe(false);
    expect(verifyTreeHead(undefined as never, signature, publicKey)).toBe(false);
    // The longest id still encodes.
    expect(treeHeadSigningInput({ ...head, logId: 'x'.repeat(65_535) })).toHaveLength(20 + 2 + 65_535 + 16 + 32);
  });
});
