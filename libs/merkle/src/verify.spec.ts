import {
  EMPTY_ROOT,
  leafHash,
  nodeHash,
  rootFromInclusionProof,
  rootFromLeafHashes,
  verifyConsistency,
  verifyInclusion,
} from './index';
import { CONSISTENCY_PROOFS, INCLUSION_PROOFS, LEAF_INPUTS, ROOTS } from './testdata/rfc6962-vectors';
import { flip, makeLeaves, refConsistencyProof, refInclusionProof, unhex } from './testdata/reference';

const MAX = 64;
const leaves = makeLeaves(2 * MAX);
const roots = Array.from({ length: 2 * MAX + 1 }, (_, size) => rootFromLeafHashes(leaves.slice(0, size)));
const someHash = Buffer.from('abacaba000000000000000000000000000000000000000000060061e00123456', 'hex');

/**
 * Runs probes that must all fail and returns the ones that verified, so a single assertion reports every
 * escape at once (and exhaustive loops are not slowed by one Jest assertion per probe).
 */
function escapes(probe: (reject: (verified: boolean, what: () => string) => void) => void): string[] {
  const verified: string[] = [];
  probe((ok, what) => {
    if (ok) verified.push(what());
  });
  return verified;
}

/** Every (index, size, proof) for sizes 1..MAX, each proof from the RFC's recursive definition. */
const allInclusion: { index: number; size: number; proof: Buffer[] }[] = [];
for (let size = 1; size <= MAX; size++) {
  for (let index = 0; index < size; index++) {
    allInclusion.push({ index, size, proof: refInclusionProof(leaves.slice(0, size), index) });
  }
}
const inclusionCases = (max: number) => allInclusion.filter((c) => c.size <= max);

/** Every (m, n, proof) for 1 <= m < n <= MAX. */
const allConsistency: { m: number; n: number; proof: Buffer[] }[] = [];
for (let n = 2; n <= MAX; n++) {
  for (let m = 1; m < n; m++) allConsistency.push({ m, n, proof: refConsistencyProof(leaves.slice(0, n), m) });
}
const consistencyCases = (max: number) => allConsistency.filter((c) => c.n <= max);

/** Variants of a proof that must all fail: truncations, each element removed, extensions at either end. */
function reshaped(proof: readonly Buffer[], extras: readonly Buffer[]): Buffer[][] {
  const out: Buffer[][] = [];
  for (let length = 0; length < proof.length; length++) out.push(proof.slice(0, length));
  for (let i = 0; i < proof.length; i++) out.push([...proof.slice(0, i), ...proof.slice(i + 1)]);
  for (const extra of extras) out.push([...proof, extra], [extra, ...proof]);
  if (proof.length > 1) out.push([proof[0], someHash, ...proof.slice(1)]);
  return out;
}

/** The same proof with one element replaced by a 31- or 33-byte value, or a non-byte value. */
function misshapen(proof: readonly Buffer[]): unknown[][] {
  return proof.flatMap((hash, i) =>
    [hash.subarray(0, 31), Buffer.concat([hash, Buffer.alloc(1)]), hash.toString('hex'), null].map((bad) => {
      const copy: unknown[] = [...proof];
      copy[i] = bad;
      return copy;
    }),
  );
}

describe('verifyInclusion', () => {
  const referenceLeaves = LEAF_INPUTS.map((data) => leafHash(Buffer.from(data, 'hex')));

  it.each(INCLUSION_PROOFS)('accepts the published proof of leaf $index in $size', ({ index, size, proof }) => {
    const root = Buffer.from(ROOTS[size], 'hex');
    expect(rootFromInclusionProof(referenceLeaves[index], index, size, unhex(proof))).toEqual(root);
    expect(verifyInclusion(referenceLeaves[index], index, size, unhex(proof), root)).toBe(true);
  });

  it('rejects the corruptions of transparency-dev/merkle verify_test.go on the published proofs', () => {
    for (const { index, size, proof: hexProof } of INCLUSION_PROOFS) {
      const [leaf, root, proof] = [referenceLeaves[index], Buffer.from(ROOTS[size], 'hex'), unhex(hexProof)];
      const probes: [number, number, Uint8Array, Uint8Array[], Uint8Array][] = [
        [index - 1, size, leaf, proof, root],
        [index + 1, size, leaf, proof, root],
        [index ^ 2, size, leaf, proof, root],
        [index, size * 2, leaf, proof, root],
        [index, size >> 1, leaf, proof, root],
        [index, size, Buffer.from('WrongLeaf'), proof, root],
        [index, size, leaf, proof, EMPTY_ROOT],
        [index, size, leaf, proof, someHash],
        [index, size, leaf, [...proof, Buffer.alloc(0)], root],
        [index, size, leaf, [...proof, root], root],
        [index, size, leaf, [Buffer.alloc(0), ...proof], root],
        [index, size, leaf, [root, ...proof], root],
      ];
      for (const [i, s, l, p, r] of probes) expect(verifyInclusion(l, i, s, p, r)).toBe(false);
    }
  });

  it(`rejects every other leaf index, for every leaf of every size 1..${MAX}`, () => {
    const found = escapes((reject) => {
      for (const { index, size, proof } of inclusionCases(MAX)) {
        for (let other = -1; other <= size; other++) {
          if (other === index) continue;
          reject(verifyInclusion(leaves[index], other, size, proof, roots[size]), () => `${index}/${size} as ${other}`);
        }
      }
    });
    expect(found).toEqual([]);
  });

  it('rejects every other tree size: with that size’s root, and with this root at half and double the size', () => {
    const found = escapes((reject) => {
      for (const { index, size, proof } of inclusionCases(32)) {
        const leaf = leaves[index];
        for (let other = index + 1; other <= 2 * size; other++) {
          if (other === size) continue;
          reject(verifyInclusion(leaf, index, other, proof, roots[other]), () => `${index}/${size} as size ${other}`);
        }
        for (const other of [0, size >> 1, size * 2]) {
          reject(verifyInclusion(leaf, index, other, proof, roots[size]), () => `${index}/${size} at size ${other}`);
        }
      }
    });
    expect(found).toEqual([]);
  });

  it('binds the size only through the signed head: a same-shaped size with the same root verifies', () => {
    // Leaf 0's path is [leaf 1, MTH(2..n)] in a tree of 3 and of 4 alike, so (size 3, root of 4) verifies. No head
    // signs that pair, which is why a verifier must take size and root from one verified tree head.
    const proof = refInclusionProof(leaves.slice(0, 4), 0);
    expect(verifyInclusion(leaves[0], 0, 3, proof, roots[4])).toBe(true);
    expect(verifyInclusion(leaves[0], 0, 3, proof, roots[3])).toBe(false);
  });

  it(`rejects every other leaf, truncated, shortened, extended and misshapen proofs, sizes 1..${MAX}`, () => {
    const found = escapes((reject) => {
      for (const { index, size, proof } of inclusionCases(MAX)) {
        const [leaf, root] = [leaves[index], roots[size]];
        const at = `${index}/${size}`;
        reject(!verifyInclusion(leaf, index, size, proof, root), () => `${at} genuine proof failed`);
        for (let other = 0; other < size; other++) {
          if (other !== index)
            reject(verifyInclusion(leaves[other], index, size, proof, root), () => `${at} leaf ${other}`);
        }
        for (const bad of reshaped(proof, [Buffer.alloc(32), root, leaf, proof[0] ?? someHash, someHash])) {
          reject(verifyInclusion(leaf, index, size, bad, root), () => `${at} reshaped to ${bad.length}`);
          // The path length is fixed by index and size, so a proof of any other length implies no root at all.
          reject(rootFromInclusionProof(leaf, index, size, bad) !== null, () => `${at} root, reshaped`);
        }
        for (const bad of misshapen(proof) as Buffer[][]) {
          reject(verifyInclusion(leaf, index, size, bad, root), () => `${at} misshapen`);
          reject(rootFromInclusionProof(leaf, index, size, bad) !== null, () => `${at} root, misshapen`);
        }
        for (const bad of [leaf.subarray(0, 31), Buffer.concat([leaf, Buffer.alloc(1)])]) {
          reject(verifyInclusion(bad, index, size, proof, root), () => `${at} leaf of ${bad.length} bytes`);
          reject(verifyInclusion(leaf, index, size, proof, bad), () => `${at} root of ${bad.length} bytes`);
        }
      }
    });
    expect(found).toEqual([]);
  });

  it('rejects every single-bit flip of every proof hash, of the leaf and of the root, sizes 1..16', () => {
    const found = escapes((reject) => {
      for (const { index, size, proof } of inclusionCases(16)) {
        const [leaf, root] = [leaves[index], roots[size]];
        for (let bit = 0; bit < 256; bit++) {
          reject(verifyInclusion(flip(leaf, bit), index, size, proof, root), () => `${index}/${size} leaf bit ${bit}`);
          reject(verifyInclusion(leaf, index, size, proof, flip(root, bit)), () => `${index}/${size} root bit ${bit}`);
          for (let i = 0; i < proof.length; i++) {
            const bad = [...proof];
            bad[i] = flip(proof[i], bit);
            reject(verifyInclusion(leaf, index, size, bad, root), () => `${index}/${size} proof[${i}] bit ${bit}`);
          }
        }
      }
    });
    expect(found).toEqual([]);
  });

  it('never throws on malformed input', () => {
    const leaf = leaves[0];
    for (const [index, size] of [
      [0, 0],
      [1, 0],
      [2, 1],
      [-1, 1],
      [0.5, 1],
      [NaN, 1],
      [0, Infinity],
      [0, 2 ** 53],
    ]) {
      expect(verifyInclusion(leaf, index, size, [], leaf)).toBe(false);
      expect(rootFromInclusionProof(leaf, index, size, [])).toBeNull();
    }
    for (const junk of [undefined, null, 'x', 42, {}, [1, 2]]) {
      expect(verifyInclusion(junk as never, 0, 1, [], leaf)).toBe(false);
      expect(verifyInclusion(leaf, 0, 1, junk as never, leaf)).toBe(false);
      expect(verifyInclusion(leaf, 0, 1, [], junk as never)).toBe(false);
      expect(verifyInclusion(leaf, junk as never, 1, [], leaf)).toBe(false);
    }
    // One leaf: the root is the leaf hash and the proof is empty (verify_test.go TestVerifyInclusionSingleEntry).
    expect(verifyInclusion(leaf, 0, 1, [], leaf)).toBe(true);
    expect(verifyInclusion(leaf, 0, 1, [], Buffer.alloc(0))).toBe(false);
    expect(verifyInclusion(Buffer.alloc(0), 0, 1, [], leaf)).toBe(false);
  });

  it('handles leaf indices and sizes beyond 2^32', () => {
    // Leaf 2^40 + 5 of a tree of 2^40 + 7 leaves. Its siblings, leaf first: leaf 2^40 + 4, then leaf 2^40 + 6 (the
    // lone right edge, standing in for its missing parent), the subtree over 2^40 .. 2^40 + 3, the left 2^40 subtree.
    const [leaf, leaf4, leaf6, first4, left] = leaves.slice(0, 5);
    const root = nodeHash(left, nodeHash(first4, nodeHash(nodeHash(leaf4, leaf), leaf6)));
    const [index, size, proof] = [2 ** 40 + 5, 2 ** 40 + 7, [leaf4, leaf6, first4, left]];
    expect(rootFromInclusionProof(leaf, index, size, proof)).toEqual(root);
    expect(verifyInclusion(leaf, index, size, proof, root)).toBe(true);
    expect(verifyInclusion(leaf, index - 1, size, proof, root)).toBe(false);
    expect(verifyInclusion(leaf, index, size + 2, proof, root)).toBe(false);
    expect(verifyInclusion(leaf, index + 2 ** 32, size + 2 ** 32, proof, root)).toBe(false);
  });
});

describe('verifyConsistency', () => {
  it.each(CONSISTENCY_PROOFS)('accepts the published proof $m -> $n', ({ m, n, proof }) => {
    expect(verifyConsistency(m, n, unhex(proof), Buffer.from(ROOTS[m], 'hex'), Buffer.from(ROOTS[n], 'hex'))).toBe(
      true,
    );
  });

  it('rejects the corruptions of transparency-dev/merkle verify_test.go on the published proofs', () => {
    for (const { m, n, proof: hexProof } of CONSISTENCY_PROOFS.filter((p) => p.proof.length > 0)) {
      const [r1, r2, proof] = [Buffer.from(ROOTS[m], 'hex'), Buffer.from(ROOTS[n], 'hex'), unhex(hexProof)];
      const probes: [number, number, Uint8Array[], Uint8Array, Uint8Array][] = [
        [m - 1, n, proof, r1, r2],
        [m + 1, n, proof, r1, r2],
        [m ^ 2, n, proof, r1, r2],
        [m, n * 2, proof, r1, r2],
        [m, n >> 1, proof, r1, r2],
        [m, n, proof, Buffer.from('WrongRoot'), r2],
        [m, n, proof, r1, Buffer.from('WrongRoot')],
        [m, n, proof, r2, r1],
        [m, n, [], r1, r2],
        [m, n, [...proof, Buffer.alloc(0)], r1, r2],
        [m, n, [...proof, r1], r1, r2],
        [m, n, [...proof, r2], r1, r2],
        [m, n, [Buffer.alloc(0), ...proof], r1, r2],
        [m, n, [r1, ...proof], r1, r2],
        [m, n, [r2, ...proof], r1, r2],
        [m, n, [proof[0], ...proof], r1, r2],
      ];
      for (const [a, b, p, x, y] of probes) expect(verifyConsistency(a, b, p, x, y)).toBe(false);
    }
  });

  it('accepts every proof 1 <= m <= n <= 32; rejects swapped roots, reversed sizes, every other m and n', () => {
    const found = escapes((reject) => {
      for (let n = 1; n <= MAX; n++)
        reject(!verifyConsistency(n, n, [], roots[n], roots[n]), () => `${n}->${n} failed`);
      for (const { m, n, proof } of consistencyCases(32)) {
        const at = `${m}->${n}`;
        reject(!verifyConsistency(m, n, proof, roots[m], roots[n]), () => `${at} genuine proof failed`);
        reject(verifyConsistency(m, n, proof, roots[n], roots[m]), () => `${at} swapped roots`);
        reject(verifyConsistency(n, m, proof, roots[n], roots[m]), () => `${at} reversed`);
        reject(verifyConsistency(n, m, [], roots[n], roots[m]), () => `${at} reversed, empty proof`);
        for (let other = 0; other <= 2 * n; other++) {
          if (other === m) continue;
          reject(verifyConsistency(other, n, proof, roots[other], roots[n]), () => `${at} as m ${other}`);
          reject(verifyConsistency(other, n, proof, roots[m], roots[n]), () => `${at} at m ${other}`);
        }
        for (let other = 0; other <= 2 * n; other++) {
          if (other !== n)
            reject(verifyConsistency(m, other, proof, roots[m], roots[other]), () => `${at} as n ${other}`);
        }
        // As for inclusion, a same-shaped n with this root would verify: n is bound by the signed head.
        for (const other of [n >> 1, n * 2]) {
          reject(verifyConsistency(m, other, proof, roots[m], roots[n]), () => `${at} at n ${other}`);
        }
      }
    });
    expect(found).toEqual([]);
  });

  it(`rejects truncated, shortened, extended and misshapen proofs and misshapen roots, sizes 1..${MAX}`, () => {
    const found = escapes((reject) => {
      for (const { m, n, proof } of consistencyCases(MAX)) {
        const [r1, r2, at] = [roots[m], roots[n], `${m}->${n}`];
        for (const bad of reshaped(proof, [Buffer.alloc(32), r1, r2, proof[0], someHash])) {
          reject(verifyConsistency(m, n, bad, r1, r2), () => `${at} reshaped to ${bad.length}`);
        }
        for (const bad of misshapen(proof) as Buffer[][])
          reject(verifyConsistency(m, n, bad, r1, r2), () => `${at} misshapen`);
        for (const short of [r1.subarray(0, 31), Buffer.concat([r1, Buffer.alloc(1)])]) {
          reject(verifyConsistency(m, n, proof, short, r2), () => `${at} first root of ${short.length} bytes`);
          reject(verifyConsistency(m, n, proof, r1, short), () => `${at} second root of ${short.length} bytes`);
        }
      }
    });
    expect(found).toEqual([]);
  });

  it('rejects every single-bit flip of every proof hash and of both roots, sizes 1..16', () => {
    const found = escapes((reject) => {
      for (const { m, n, proof } of consistencyCases(16)) {
        const [r1, r2] = [roots[m], roots[n]];
        for (let bit = 0; bit < 256; bit++) {
          reject(verifyConsistency(m, n, proof, flip(r1, bit), r2), () => `${m}->${n} first root bit ${bit}`);
          reject(verifyConsistency(m, n, proof, r1, flip(r2, bit)), () => `${m}->${n} second root bit ${bit}`);
          for (let i = 0; i < proof.length; i++) {
            const bad = [...proof];
            bad[i] = flip(proof[i], bit);
            reject(verifyConsistency(m, n, bad, r1, r2), () => `${m}->${n} proof[${i}] bit ${bit}`);
          }
        }
      }
    });
    expect(found).toEqual([]);
  });

  it('follows the edge cases of verify_test.go TestVerifyConsistency, with m = 0 bound to the empty root', () => {
    const [r1, r2] = [roots[1], roots[2]];
    // Equal sizes: the roots must match and the proof be empty.
    expect(verifyConsistency(1, 1, [], r1, r1)).toBe(true);
    expect(verifyConsistency(1, 1, [], r1, r2)).toBe(false);
    expect(verifyConsistency(1, 1, [EMPTY_ROOT], r1, r1)).toBe(false);
    // The empty tree is a prefix of every tree, but only under its own root.
    expect(verifyConsistency(0, 0, [], EMPTY_ROOT, EMPTY_ROOT)).toBe(true);
    expect(verifyConsistency(0, 2, [], EMPTY_ROOT, r2)).toBe(true);
    expect(verifyConsistency(0, 0, [], r1, r1)).toBe(false);
    expect(verifyConsistency(0, 0, [], EMPTY_ROOT, r1)).toBe(false);
    expect(verifyConsistency(0, 2, [], r1, r2)).toBe(false);
    expect(verifyConsistency(0, 2, [EMPTY_ROOT], EMPTY_ROOT, r2)).toBe(false);
    // Time travel to the past, and an empty proof between different sizes.
    expect(verifyConsistency(1, 0, [], r1, EMPTY_ROOT)).toBe(false);
    expect(verifyConsistency(2, 1, [], r2, r1)).toBe(false);
    expect(verifyConsistency(1, 2, [], r1, r2)).toBe(false);
  });

  it('never throws on malformed input', () => {
    const [r1, r2, proof] = [roots[3], roots[7], refConsistencyProof(leaves.slice(0, 7), 3)];
    for (const [m, n] of [
      [-1, 7],
      [3, -7],
      [0.5, 7],
      [3, NaN],
      [3, Infinity],
      [3, 2 ** 53],
    ]) {
      expect(verifyConsistency(m, n, proof, r1, r2)).toBe(false);
    }
    for (const junk of [undefined, null, 'x', 42, {}, [1, 2]]) {
      expect(verifyConsistency(3, 7, junk as never, r1, r2)).toBe(false);
      expect(verifyConsistency(3, 7, proof, junk as never, r2)).toBe(false);
      expect(verifyConsistency(3, 7, proof, r1, junk as never)).toBe(false);
      expect(verifyConsistency(junk as never, 7, proof, r1, r2)).toBe(false);
    }
  });
});
