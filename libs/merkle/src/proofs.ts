import { EMPTY_ROOT, isSize, largestPowerOfTwoBelow } from './hashing';
import { foldSubtrees, NodeReader, perfectSubtrees, readNodes } from './subtrees';

/** A leaf range [start, end) whose MTH is one proof element. */
type Range = readonly [start: number, end: number];

/**
 * Inclusion proof (RFC 9162 §2.1.3.1 PATH) of leaf `index` in a tree of `size` leaves, built from stored nodes
 * only: O(log n) node reads in ONE reader call (none for a one-leaf tree).
 */
export async function inclusionProof(index: number, size: number, reader: NodeReader): Promise<Buffer[]> {
  if (!isSize(index) || !isSize(size) || index >= size) {
    throw new RangeError(`inclusionProof: need integers 0 <= index < size, got index ${index}, size ${size}`);
  }
  return hashRanges(inclusionRanges(index, size), reader);
}

/**
 * Consistency proof (RFC 9162 §2.1.4.1 PROOF/SUBPROOF) between sizes m and n (0 < m <= n), from stored nodes in
 * ONE reader call (none when m == n).
 */
export async function consistencyProof(m: number, n: number, reader: NodeReader): Promise<Buffer[]> {
  if (!isSize(m) || !isSize(n) || m === 0 || m > n) {
    throw new RangeError(`consistencyProof: need integers 0 < m <= n, got m ${m}, n ${n}`);
  }
  return hashRanges(consistencyRanges(m, n), reader);
}

/** Root of a tree of `size` leaves from stored nodes (for checking a stored head), ONE reader call (none if empty). */
export async function rootFromStore(size: number, reader: NodeReader): Promise<Buffer> {
  const ids = perfectSubtrees(0, size);
  return ids.length === 0 ? Buffer.from(EMPTY_ROOT) : foldSubtrees(await readNodes(ids, reader));
}

// PATH(m, D[n]) unrolled: walk down from the root, collecting the sibling of each subtree that holds the leaf.
function inclusionRanges(index: number, size: number): Range[] {
  const siblings: Range[] = [];
  let [lo, hi] = [0, size];
  while (hi - lo > 1) {
    const split = lo + largestPowerOfTwoBelow(hi - lo);
    if (index < split) {
      siblings.push([split, hi]);
      hi = split;
    } else {
      siblings.push([lo, split]);
      lo = split;
    }
  }
  // The RFC lists them leaf first.
  return siblings.reverse();
}

// SUBPROOF(m, D[n], b) unrolled, with m kept absolute; b turns false once the walk has gone right.
function consistencyRanges(m: number, n: number): Range[] {
  const ranges: Range[] = [];
  let [lo, hi] = [0, n];
  let complete = true;
  while (m !== hi) {
    const split = lo + largestPowerOfTwoBelow(hi - lo);
    if (m <= split) {
      ranges.push([split, hi]);
      hi = split;
    } else {
      ranges.push([lo, split]);
      lo = split;
      complete = false;
    }
  }
  // Untouched by a right turn, [lo, hi) is the whole old tree, whose root the verifier already holds.
  if (!complete) ranges.push([lo, hi]);
  return ranges.reverse();
}

// Every range needs only the stored perfect subtrees that cover it, so all are fetched in one batch. Only a range
// ending at the tree's right edge is not itself perfect, and a proof has at most one of them.
async function hashRanges(ranges: readonly Range[], reader: NodeReader): Promise<Buffer[]> {
  const covers = ranges.map(([start, end]) => perfectSubtrees(start, end));
  const hashes = await readNodes(covers.flat(), reader);
  let offset = 0;
  return covers.map((cover) => foldSubtrees(hashes.slice(offset, (offset += cover.length))));
}
