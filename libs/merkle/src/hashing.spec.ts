import { EMPTY_ROOT, HASH_SIZE, leafHash, nodeHash, rootFromLeafHashes } from './index';
import { LEAF_INPUTS, NODE_HASHES, ROOTS } from './testdata/rfc6962-vectors';

const leaves = LEAF_INPUTS.map((data) => leafHash(Buffer.from(data, 'hex')));

describe('RFC 6962 hashing', () => {
  it('hashes the reference leaves and interior nodes as published', () => {
    expect(leaves.map((h) => h.toString('hex'))).toEqual(NODE_HASHES[0]);
    for (let level = 1; level < NODE_HASHES.length; level++) {
      NODE_HASHES[level].forEach((expected, index) => {
        const [left, right] = [NODE_HASHES[level - 1][2 * index], NODE_HASHES[level - 1][2 * index + 1]];
        expect(nodeHash(Buffer.from(left, 'hex'), Buffer.from(right, 'hex')).toString('hex')).toBe(expected);
      });
    }
  });

  it('gives the published roots for sizes 0..8, and SHA-256("") for the empty tree', () => {
    expect(EMPTY_ROOT.toString('hex')).toBe(ROOTS[0]);
    expect(HASH_SIZE).toBe(32);
    ROOTS.forEach((root, size) => expect(rootFromLeafHashes(leaves.slice(0, size)).toString('hex')).toBe(root));
  });

  it('separates leaves from nodes', () => {
    const [a, b] = [leaves[1], leaves[2]];
    expect(leafHash(Buffer.concat([a, b]))).not.toEqual(nodeHash(a, b));
  });
});
