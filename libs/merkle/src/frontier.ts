import { EMPTY_ROOT, isHash, isSize, nodeHash } from './hashing';
import { foldSubtrees, NodeReader, perfectSubtrees, readNodes, StoredNode } from './subtrees';

const HEX_HASH = /^[0-9a-f]{64}$/;

/**
 * The right edge of a tree: its perfect subtrees, left to right (at most ~log2 n). Appending never needs the
 * database: the new leaf only ever merges with subtrees on this edge.
 */
export class CompactFrontier {
  // Invariant: hashes[i] is the hash of perfectSubtrees(0, size)[i].
  private constructor(
    private treeSize: number,
    private readonly hashes: Buffer[],
  ) {}

  static empty(): CompactFrontier {
    return new CompactFrontier(0, []);
  }

  /** Restores a frontier saved with toJSON; throws on anything that could not have come from it. */
  static fromJSON(json: { size: number; hashes: string[] }): CompactFrontier {
    const { size, hashes } = (json ?? {}) as { size?: unknown; hashes?: unknown };
    if (!isSize(size)) throw new TypeError('CompactFrontier: size must be a non-negative safe integer');
    if (!Array.isArray(hashes) || hashes.length !== perfectSubtrees(0, size).length) {
      throw new TypeError(`CompactFrontier: a tree of ${size} leaves has ${perfectSubtrees(0, size).length} hashes`);
    }
    if (!hashes.every((hash) => typeof hash === 'string' && HEX_HASH.test(hash))) {
      throw new TypeError('CompactFrontier: hashes must be 64 lowercase hex digits');
    }
    return new CompactFrontier(
      size,
      hashes.map((hash: string) => Buffer.from(hash, 'hex')),
    );
  }

  /** Rebuilds the frontier of a tree of `size` leaves from stored nodes, in one reader call. */
  static async fromStore(size: number, reader: NodeReader): Promise<CompactFrontier> {
    return new CompactFrontier(size, await readNodes(perfectSubtrees(0, size), reader));
  }

  toJSON(): { size: number; hashes: string[] } {
    return { size: this.treeSize, hashes: this.hashes.map((hash) => hash.toString('hex')) };
  }

  get size(): number {
    return this.treeSize;
  }

  /**
   * Adds one leaf; returns every perfect-subtree node this completes (the leaf itself at level 0 first, then
   * parents), to be stored.
   */
  append(leafHash: Uint8Array): StoredNode[] {
    if (!isHash(leafHash)) throw new TypeError('CompactFrontier.append: a leaf hash is 32 bytes');
    if (this.treeSize >= Number.MAX_SAFE_INTEGER) throw new RangeError('CompactFrontier: tree is full');
    let index = this.treeSize;
    let hash: Buffer = Buffer.from(leafHash);
    const nodes: StoredNode[] = [{ level: 0, index, hash }];
    // Each trailing 1 bit of the size is a subtree on the edge that the new leaf completes to twice its width.
    let merges = 0;
    for (let i = index; i % 2 === 1; i = (i - 1) / 2) merges++;
    const lefts = this.hashes.splice(this.hashes.length - merges, merges);
    for (let level = 1; level <= merges; level++) {
      hash = nodeHash(lefts[merges - level], hash);
      index = (index - 1) / 2;
      nodes.push({ level, index, hash });
    }
    // A copy, so a caller writing to the returned nodes cannot corrupt the frontier.
    this.hashes.push(Buffer.from(hash));
    this.treeSize++;
    return nodes;
  }

  /** The root hash of the current tree (EMPTY_ROOT when empty). */
  root(): Buffer {
    return Buffer.from(this.hashes.length === 0 ? EMPTY_ROOT : foldSubtrees(this.hashes));
  }
}
