import { CompactFrontier, EMPTY_ROOT, leafHash, MemoryNodeStore, perfectSubtrees, rootFromLeafHashes } from './index';
import { COMPACT_RANGES, LEAF_INPUTS, NODE_HASHES, ROOTS } from './testdata/rfc6962-vectors';
import { makeLeaves } from './testdata/reference';

describe('CompactFrontier', () => {
  it('reproduces the published compact ranges, roots and node hashes of the reference tree', () => {
    const frontier = CompactFrontier.empty();
    expect(frontier.root()).toEqual(EMPTY_ROOT);
    expect(frontier.toJSON()).toEqual({ size: 0, hashes: [] });
    LEAF_INPUTS.forEach((data, i) => {
      const nodes = frontier.append(leafHash(Buffer.from(data, 'hex')));
      // The leaf first, then each parent it completes, each with its published hash.
      expect(nodes[0]).toMatchObject({ level: 0, index: i });
      nodes.forEach((node, k) => {
        expect(node.level).toBe(k);
        expect(node.hash.toString('hex')).toBe(NODE_HASHES[node.level][node.index]);
      });
      const size = i + 1;
      expect(frontier.size).toBe(size);
      expect(frontier.root().toString('hex')).toBe(ROOTS[size]);
      expect(frontier.toJSON().hashes).toEqual(COMPACT_RANGES[size].map(([level, index]) => NODE_HASHES[level][index]));
    });
  });

  it('matches the reference root at every size to 300 and emits each perfect subtree exactly once', () => {
    const leaves = makeLeaves(300);
    const frontier = CompactFrontier.empty();
    const emitted = new Set<string>();
    leaves.forEach((leaf, i) => {
      for (const node of frontier.append(leaf)) {
        const key = `${node.level}:${node.index}`;
        expect(emitted.has(key)).toBe(false);
        emitted.add(key);
      }
      expect(frontier.root()).toEqual(rootFromLeafHashes(leaves.slice(0, i + 1)));
    });
    // A tree of n leaves has 2n - popcount(n) perfect subtrees.
    expect(emitted.size).toBe(2 * 300 - perfectSubtrees(0, 300).length);
  });

  it('round-trips through JSON and restores from the store', async () => {
    const leaves = makeLeaves(45);
    const frontier = CompactFrontier.empty();
    const store = new MemoryNodeStore();
    for (const leaf of leaves.slice(0, 37)) store.put(frontier.append(leaf));
    const json = JSON.parse(JSON.stringify(frontier.toJSON()));
    const [restored, fromStore] = [CompactFrontier.fromJSON(json), await CompactFrontier.fromStore(37, store.reader)];
    expect(fromStore.toJSON()).toEqual(frontier.toJSON());
    for (const leaf of leaves.slice(37)) {
      frontier.append(leaf);
      restored.append(leaf);
      fromStore.append(leaf);
    }
    expect(restored.root()).toEqual(rootFromLeafHashes(leaves));
    expect(fromStore.root()).toEqual(frontier.root());
  });

  it('is not corrupted by callers writing to what it returns', () => {
    const frontier = CompactFrontier.empty();
    const leaf = makeLeaves(1)[0];
    const nodes = frontier.append(Buffer.from(leaf));
    nodes[0].hash.fill(0);
    frontier.root().fill(0);
    expect(frontier.root()).toEqual(leaf);
  });

  it('rejects nonsense', () => {
    const good = '00'.repeat(32);
    for (const json of [
      null,
      {},
      { size: -1, hashes: [] },
      { size: 1.5, hashes: [good] },
      { size: '1', hashes: [good] },
      { size: 2 ** 53, hashes: [] },
      { size: 0, hashes: [good] },
      { size: 3, hashes: [good] },
      { size: 1, hashes: [good.slice(2)] },
      { size: 1, hashes: [good.toUpperCase().replace(/0/g, 'A')] },
      { size: 1, hashes: ['zz'.repeat(32)] },
      { size: 1, hashes: [42] },
      { size: 1, hashes: 'x' },
    ]) {
      expect(() => CompactFrontier.fromJSON(json as never)).toThrow(TypeError);
    }
    expect(() => CompactFrontier.empty().append(Buffer.alloc(31))).toThrow(TypeError);
    expect(() => CompactFrontier.empty().append('x'.repeat(32) as never)).toThrow(TypeError);
  });
});
