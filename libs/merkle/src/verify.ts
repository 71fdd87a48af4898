import { EMPTY_ROOT, equalBytes, isHash, isSize, nodeHash } from './hashing';

// Sizes may exceed 2^32, so shifts are done with arithmetic: JS bit operators work on 32 bits.
const isOdd = (x: number): boolean => x % 2 === 1;
const half = (x: number): number => Math.floor(x / 2);

function isPowerOfTwo(x: number): boolean {
  while (x > 1 && x % 2 === 0) x /= 2;
  return x === 1;
}

/** The root a proof implies (RFC 9162 §2.1.3.2 algorithm), or null if the proof is malformed. */
export function rootFromInclusionProof(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
): Buffer | null {
  if (!isHash(leafHash) || !isSize(index) || !isSize(size) || index >= size) return null;
  if (!Array.isArray(proof) || !proof.every(isHash)) return null;
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leafHash);
  for (const p of proof) {
    // More hashes than the path from this leaf to the root has levels.
    if (sn === 0) return null;
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      // A leaf on the right edge skips the levels where it has no sibling.
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  // Fewer hashes than the path has levels.
  return sn === 0 ? r : null;
}

/** RFC 9162 §2.1.3.2 verification. Never throws: false on any malformed input (wrong lengths, index >= size, etc.). */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  const implied = rootFromInclusionProof(leafHash, index, size, proof);
  return implied !== null && isHash(root) && equalBytes(implied, root);
}

/**
 * RFC 9162 §2.1.4.2 verification. Never throws. m == n requires an empty proof and equal roots; m > n is false.
 * m == 0 (the empty tree is a prefix of every tree) requires an empty proof and firstRoot == EMPTY_ROOT.
 */
export function verifyConsistency(
  m: number,
  n: number,
  proof: readonly Uint8Array[],
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
): boolean {
  if (!isSize(m) || !isSize(n) || m > n || !isHash(firstRoot) || !isHash(secondRoot)) return false;
  if (!Array.isArray(proof) || !proof.every(isHash)) return false;
  if (m === 0)
    return proof.length === 0 && equalBytes(firstRoot, EMPTY_ROOT) && (n > 0 || equalBytes(secondRoot, EMPTY_ROOT));
  if (m === n) return proof.length === 0 && equalBytes(firstRoot, secondRoot);
  if (proof.length === 0) return false;
  // When the old tree is a perfect subtree of the new one, the proof leaves out its root, which we hold.
  const path = isPowerOfTwo(m) ? [firstRoot, ...proof] : proof;
  let fn = m - 1;
  let sn = n - 1;
  while (isOdd(fn)) [fn, sn] = [half(fn), half(sn)];
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && equalBytes(fr, firstRoot) && equalBytes(sr, secondRoot);
}
