import {
  CompactFrontier,
  consistencyProof,
  inclusionProof,
  leafHash,
  MemoryNodeStore,
  NodeId,
  rootFromLeafHashes,
  rootFromStore,
  verifyConsistency,
  verifyInclusion,
} from './index';
import {
  CONSISTENCY_NODES,
  CONSISTENCY_PROOFS,
  INCLUSION_NODES,
  INCLUSION_PROOFS,
  LEAF_INPUTS,
  ROOTS,
} from './testdata/rfc6962-vectors';
import { hex, makeLeaves, refConsistencyProof, refInclusionProof, storeOf } from './testdata/reference';

const referenceLeaves = LEAF_INPUTS.map((data) => leafHash(Buffer.from(data, 'hex')));

/** Wraps a store's reader to record what each proof asked for. */
function recording(store: MemoryNodeStore): { reader: MemoryNodeStore['reader']; asked: NodeId[][] } {
  const asked: NodeId[][] = [];
  return {
    asked,
    reader: (ids) => {
      asked.push([...ids]);
      return store.reader(ids);
    },
  };
}

const asSet = (ids: readonly NodeId[] | [number, number][]): string[] =>
  ids.map((id) => (Array.isArray(id) ? `${id[0]}:${id[1]}` : `${id.level}:${id.index}`)).sort();

describe('store-backed proofs', () => {
  describe('published RFC 6962 vectors', () => {
    const store = storeOf(referenceLeaves);

    it.each(INCLUSION_PROOFS)('inclusion of leaf $index in $size', async ({ index, size, proof }) => {
      expect(hex(await inclusionProof(index, size, store.reader))).toEqual(proof);
    });

    it.each(CONSISTENCY_PROOFS)('consistency $m -> $n', async ({ m, n, proof }) => {
      expect(hex(await consistencyProof(m, n, store.reader))).toEqual(proof);
    });

    it('roots for sizes 0..8', async () => {
      for (let size = 0; size <= 8; size++)
        expect((await rootFromStore(size, store.reader)).toString('hex')).toBe(ROOTS[size]);
    });

    it('reads exactly the stored nodes the reference implementation reads', async () => {
      const big = storeOf(makeLeaves(95));
      for (const { index, size, nodes } of INCLUSION_NODES) {
        const { reader, asked } = recording(big);
        await inclusionProof(index, size, reader);
        expect(asSet(asked.flat())).toEqual(asSet(nodes));
      }
      for (const { m, n, nodes } of CONSISTENCY_NODES) {
        const { reader, asked } = recording(big);
        await consistencyProof(m, n, reader);
        expect(asSet(asked.flat())).toEqual(asSet(nodes));
      }
    });
  });

  it('equals the RFC 9162 recursive definitions for every index and every pair of sizes 1..64', async () => {
    const leaves = makeLeaves(64);
    const store = storeOf(leaves);
    for (let n = 1; n <= 64; n++) {
      const tree = leaves.slice(0, n);
      const root = rootFromLeafHashes(tree);
      expect(await rootFromStore(n, store.reader)).toEqual(root);
      for (let index = 0; index < n; index++) {
        const proof = await inclusionProof(index, n, store.reader);
        expect(proof).toEqual(refInclusionProof(tree, index));
        expect(verifyInclusion(leaves[index], index, n, proof, root)).toBe(true);
      }
      for (let m = 1; m <= n; m++) {
        const proof = await consistencyProof(m, n, store.reader);
        expect(proof).toEqual(refConsistencyProof(tree, m));
        expect(verifyConsistency(m, n, proof, rootFromLeafHashes(leaves.slice(0, m)), root)).toBe(true);
      }
    }
  });

  it('serves any past size of a store grown to 1000 leaves in one read of at most 2 log2(n) + 2 nodes', async () => {
    const leaves = makeLeaves(1000);
    const frontier = CompactFrontier.empty();
    const store = new MemoryNodeStore();
    const roots: Buffer[] = [];
    for (const leaf of leaves) {
      store.put(frontier.append(leaf));
      roots.push(frontier.root());
    }
    expect(roots[999]).toEqual(rootFromLeafHashes(leaves));

    const bound = (n: number) => 2 * Math.log2(n) + 2;
    const expectOneRead = async <T>(n: number, build: () => Promise<T>): Promise<T> => {
      const before = { ...store.stats };
      const result = await build();
      const [calls, ids] = [store.stats.calls - before.calls, store.stats.ids - before.ids];
      expect(calls).toBe(ids === 0 ? 0 : 1);
      expect(ids).toBeLessThanOrEqual(bound(n));
      return result;
    };

    for (let n = 1; n <= 1000; n++) {
      const root = roots[n - 1];
      expect(await expectOneRead(n, () => rootFromStore(n, store.reader))).toEqual(root);
      // Edges, middle and a spread of positions in between: every n, a handful each, keeps this fast.
      const points = new Set([0, 1, n >> 1, n - 2, n - 1, (n * 7919) % n, (n * 104729 + 13) % n]);
      for (const index of [...points].filter((i) => i >= 0 && i < n)) {
        const proof = await expectOneRead(n, () => inclusionProof(index, n, store.reader));
        expect(verifyInclusion(leaves[index], index, n, proof, root)).toBe(true);
      }
      for (const m of [...points].map((p) => p + 1).filter((m) => m >= 1 && m <= n)) {
        const proof = await expectOneRead(n, () => consistencyProof(m, n, store.reader));
        expect(verifyConsistency(m, n, proof, roots[m - 1], root)).toBe(true);
      }
    }
    // And exactly the recursive definitions on a sample of large sizes.
    for (const n of [511, 512, 513, 777, 1000]) {
      const tree = leaves.slice(0, n);
      for (const i of [0, 300, n - 1])
        expect(await inclusionProof(i, n, store.reader)).toEqual(refInclusionProof(tree, i));
      for (const m of [1, 255, 256, 500, n])
        expect(await consistencyProof(m, n, store.reader)).toEqual(refConsistencyProof(tree, m));
    }
  });

  it('rejects impossible requests before reading', async () => {
    const store = storeOf(makeLeaves(4));
    const bad: [string, () => Promise<unknown>][] = [
      ['index = size', () => inclusionProof(4, 4, store.reader)],
      ['negative index', () => inclusionProof(-1, 4, store.reader)],
      ['empty tree', () => inclusionProof(0, 0, store.reader)],
      ['fractional index', () => inclusionProof(0.5, 4, store.reader)],
      ['m = 0', () => consistencyProof(0, 4, store.reader)],
      ['m > n', () => consistencyProof(4, 3, store.reader)],
      ['unsafe n', () => consistencyProof(1, 2 ** 53, store.reader)],
      ['negative size', () => rootFromStore(-1, store.reader)],
    ];
    for (const [, call] of bad) await expect(call()).rejects.toThrow(RangeError);
    expect(store.stats.calls).toBe(0);
  });

  it('fails loudly when the store lacks a node or returns a malformed one', async () => {
    const store = storeOf(makeLeaves(4));
    await expect(inclusionProof(0, 8, store.reader)).rejects.toThrow(/not stored/);
    const forgetful = async () => new Map<string, Buffer>();
    await expect(inclusionProof(0, 4, forgetful)).rejects.toThrow(/missing or malformed/);
    const truncating = async (ids: readonly NodeId[]) =>
      new Map(ids.map((id) => [`${id.level}:${id.index}`, Buffer.alloc(31)]));
    await expect(consistencyProof(1, 4, truncating)).rejects.toThrow(/missing or malformed/);
  });
});
