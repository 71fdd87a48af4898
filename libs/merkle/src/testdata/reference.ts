import { CompactFrontier, leafHash, MemoryNodeStore, rootFromLeafHashes } from '../index';

/** Test-only transcriptions of the recursive RFC 9162 definitions, over leaf hashes, to compare proofs with. */

function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** RFC 9162 §2.1.3.1 PATH(m, D[n]). */
export function refInclusionProof(leaves: readonly Buffer[], index: number): Buffer[] {
  if (leaves.length <= 1) return [];
  const k = split(leaves.length);
  return index < k
    ? [...refInclusionProof(leaves.slice(0, k), index), rootFromLeafHashes(leaves.slice(k))]
    : [...refInclusionProof(leaves.slice(k), index - k), rootFromLeafHashes(leaves.slice(0, k))];
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true). */
export function refConsistencyProof(leaves: readonly Buffer[], m: number, complete = true): Buffer[] {
  const n = leaves.length;
  if (m === n) return complete ? [] : [rootFromLeafHashes(leaves)];
  const k = split(n);
  return m <= k
    ? [...refConsistencyProof(leaves.slice(0, k), m, complete), rootFromLeafHashes(leaves.slice(k))]
    : [...refConsistencyProof(leaves.slice(k), m - k, false), rootFromLeafHashes(leaves.slice(0, k))];
}

/** Distinct deterministic leaf hashes. */
export function makeLeaves(count: number): Buffer[] {
  return Array.from({ length: count }, (_, i) => leafHash(Buffer.from(`consent event ${i}`)));
}

/** A store fed only by CompactFrontier.append, as the ledger service would fill its table. */
export function storeOf(leaves: readonly Buffer[]): MemoryNodeStore {
  const frontier = CompactFrontier.empty();
  const store = new MemoryNodeStore();
  for (const leaf of leaves) store.put(frontier.append(leaf));
  return store;
}

export const hex = (hashes: readonly Uint8Array[]): string[] => hashes.map((h) => Buffer.from(h).toString('hex'));
export const unhex = (hashes: readonly string[]): Buffer[] => hashes.map((h) => Buffer.from(h, 'hex'));

/** A copy of `hash` with bit `bit` flipped. */
export function flip(hash: Uint8Array, bit: number): Buffer {
  const copy = Buffer.from(hash);
  copy[bit >> 3] ^= 1 << (bit & 7);
  return copy;
}
