import { isHash, isSize, nodeHash } from './hashing';

/** A stored node: the hash of the perfect subtree covering leaves [index * 2^level, (index + 1) * 2^level). */
export interface NodeId {
  level: number;
  index: number;
}

export interface StoredNode extends NodeId {
  hash: Buffer;
}

/** Fetches stored perfect-subtree hashes in one batch; must return every id asked for (throw if one is missing). */
export type NodeReader = (ids: readonly NodeId[]) => Promise<Map<string, Buffer>>;

/** The map key a NodeReader uses for a node. */
export function nodeKey(id: NodeId): string {
  return `${id.level}:${id.index}`;
}

/** The perfect subtrees that exactly cover [start, end), left to right. */
export function perfectSubtrees(start: number, end: number): NodeId[] {
  if (!isSize(start) || !isSize(end) || start > end) {
    throw new RangeError(`perfectSubtrees: need integers 0 <= start <= end, got [${start}, ${end})`);
  }
  const ids: NodeId[] = [];
  // Greedy: at each position take the biggest subtree aligned there that still fits. Arithmetic rather
  // than bit operators, which would truncate positions beyond 2^32.
  for (let position = start; position < end;) {
    let level = 0;
    let width = 1;
    while (position % (width * 2) === 0 && position + width * 2 <= end) {
      level++;
      width *= 2;
    }
    ids.push({ level, index: position / width });
    position += width;
  }
  return ids;
}

/** Fetches ids through one reader call (none when there is nothing to read); returns their hashes in the same order. */
export async function readNodes(ids: readonly NodeId[], reader: NodeReader): Promise<Buffer[]> {
  if (ids.length === 0) return [];
  const found = await reader(ids);
  return ids.map((id) => {
    const hash = found.get(nodeKey(id));
    // A store that loses or truncates a node must fail loudly, never yield a proof that merely fails to verify.
    if (!isHash(hash)) throw new Error(`Merkle node ${nodeKey(id)} is missing or malformed`);
    return Buffer.from(hash);
  });
}

/**
 * The root of consecutive perfect subtrees (at least one), as RFC 6962 hashes a range whose start is aligned to
 * its width: the subtrees nest to the right, so fold from the right-hand end.
 */
export function foldSubtrees(hashes: readonly Buffer[]): Buffer {
  let root = hashes[hashes.length - 1];
  for (let i = hashes.length - 2; i >= 0; i--) root = nodeHash(hashes[i], root);
  return root;
}
