import { createPublicKey, KeyObject } from 'node:crypto';
import { verifyConsistency, verifyInclusion, verifyTreeHead } from '@candor/merkle';
import { ConsentEntry, entryLeafHash } from './consent-entry';
import { BundleScope, fromSignedTreeHead, ProofBundle, SignedTreeHead, validateProofBundle } from './proof-bundle';
import { isPlainObject, Violation } from './shape';

export interface VerificationReport {
  ok: boolean;
  treeHead: { ok: boolean; treeSize: number; reason?: string };
  /** One per bundle entry, in bundle order; leafIndex is -1 when the entry does not even state a valid one. */
  entries: { leafIndex: number; ok: boolean; reason?: string }[];
  /** One per consistency proof, in bundle order; fromSize is -1 when the older head does not state a valid one. */
  consistency: { fromSize: number; ok: boolean; reason?: string }[];
  /**
   * What the bundle claims to hold: a range is checked to hold each of its entries exactly once; a filtered or
   * unstated (format /1) scope claims nothing about the entries left out.
   */
  scope: { kind: 'range' | 'filtered' | 'unstated'; ok: boolean; reason?: string };
  /** Structural problems (JSON-pointer path + rule) and notes such as a key mismatch; any of them fails the bundle. */
  errors: string[];
}

/** The Ed25519 public key in an SPKI PEM, or undefined; private keys are refused so they are not passed around. */
export function parseEd25519PublicKey(pem: string): KeyObject | undefined {
  if (typeof pem !== 'string' || !pem.includes('-----BEGIN PUBLIC KEY-----')) return undefined;
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? key : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Verifies everything with only the trusted public key (SPKI PEM): head signature, every entry's inclusion
 * (recomputing its leaf hash from its canonical bytes), every consistency proof (signature of the older head too).
 * Never throws; any unknown input shape gives ok:false with errors.
 */
export function verifyBundle(bundle: unknown, trustedPublicKeyPem: string): VerificationReport {
  try {
    return verify(bundle, trustedPublicKeyPem);
  } catch {
    // Only reachable with exotic inputs (e.g. a Proxy whose getters throw); still a verdict, not an exception.
    return {
      ok: false,
      treeHead: { ok: false, treeSize: 0, reason: 'not verified' },
      entries: [],
      consistency: [],
      scope: { kind: 'unstated', ok: false, reason: 'not verified' },
      errors: ['the bundle could not be read'],
    };
  }
}

function verify(input: unknown, trustedPublicKeyPem: string): VerificationReport {
  const key = parseEd25519PublicKey(trustedPublicKeyPem);
  const violations = validateProofBundle(input);
  const errors = violations.map((v) => `${v.path || '/'} ${v.message}`);
  if (!key) errors.unshift('the trusted public key is not an Ed25519 SPKI PEM public key');
  if (!isPlainObject(input)) {
    return {
      ok: false,
      treeHead: { ok: false, treeSize: 0, reason: 'no tree head' },
      entries: [],
      consistency: [],
      scope: { kind: 'unstated', ok: false, reason: 'no bundle' },
      errors,
    };
  }
  // Only the parts without violations are trusted to have the ProofBundle shape below.
  const bundle = input as unknown as ProofBundle;
  const problemsAt = (prefix: string) => violations.filter((v) => v.path === prefix || v.path.startsWith(`${prefix}/`));
  const malformed = (found: Violation[]) => `malformed: ${found.map((v) => `${v.path} ${v.message}`).join('; ')}`;

  const bundleKey = parseEd25519PublicKey(bundle.publicKey);
  if (key && bundleKey && !bundleKey.equals(key)) {
    errors.push('the bundle publicKey differs from the trusted key; everything was verified with the trusted key');
  }

  const headProblems = problemsAt('/treeHead');
  const headUsable = isPlainObject(bundle.treeHead) && headProblems.length === 0;
  const head = headUsable ? fromSignedTreeHead(bundle.treeHead).head : undefined;
  const headResult = headUsable ? checkSignature(bundle.treeHead, key) : { ok: false, reason: malformed(headProblems) };
  const claimedSize = isPlainObject(bundle.treeHead) ? bundle.treeHead.treeSize : undefined;
  const treeHead = {
    ok: headResult.ok,
    treeSize:
      typeof claimedSize === 'number' && Number.isSafeInteger(claimedSize) && claimedSize >= 0 ? claimedSize : 0,
    ...(headResult.reason === undefined ? {} : { reason: headResult.reason }),
  };

  const entries = (Array.isArray(bundle.entries) ? bundle.entries : []).map((item: unknown, i) => {
    const claimed = isPlainObject(item) && isPlainObject(item.entry) ? item.entry.leafIndex : undefined;
    const leafIndex = Number.isSafeInteger(claimed) && (claimed as number) >= 0 ? (claimed as number) : -1;
    const problems = problemsAt(`/entries/${i}`);
    if (problems.length > 0) return { leafIndex, ok: false, reason: malformed(problems) };
    if (!head) return { leafIndex, ok: false, reason: 'no well-formed tree head to check against' };
    const { entry, inclusionProof } = item as { entry: ConsentEntry; inclusionProof: string[] };
    const expected = inclusionProofLength(leafIndex, head.treeSize);
    if (inclusionProof.length !== expected) {
      return {
        leafIndex,
        ok: false,
        reason: `inclusion proof has ${inclusionProof.length} hashes; leaf ${leafIndex} of a tree of ${head.treeSize} needs ${expected}`,
      };
    }
    const included = verifyInclusion(
      entryLeafHash(entry),
      leafIndex,
      head.treeSize,
      hashes(inclusionProof),
      head.rootHash,
    );
    return included
      ? { leafIndex, ok: true }
      : {
          leafIndex,
          ok: false,
          reason: 'not included in the signed tree: the entry, its leafIndex or its inclusion proof was altered',
        };
  });

  const consistency = (Array.isArray(bundle.consistency) ? bundle.consistency : []).map((item: unknown, j) => {
    const claimed = isPlainObject(item) && isPlainObject(item.from) ? item.from.treeSize : undefined;
    const fromSize = Number.isSafeInteger(claimed) && (claimed as number) >= 0 ? (claimed as number) : -1;
    const problems = problemsAt(`/consistency/${j}`);
    if (problems.length > 0) return { fromSize, ok: false, reason: malformed(problems) };
    if (!head) return { fromSize, ok: false, reason: 'no well-formed tree head to check against' };
    const { from, proof } = item as { from: SignedTreeHead; proof: string[] };
    const signature = checkSignature(from, key);
    if (!signature.ok) return { fromSize, ok: false, reason: `older head: ${signature.reason}` };
    const expected = consistencyProofLength(fromSize, head.treeSize);
    if (proof.length !== expected) {
      return {
        fromSize,
        ok: false,
        reason: `consistency proof has ${proof.length} hashes; sizes ${fromSize} to ${head.treeSize} need ${expected}`,
      };
    }
    const older = fromSignedTreeHead(from).head;
    return verifyConsistency(fromSize, head.treeSize, hashes(proof), older.rootHash, head.rootHash)
      ? { fromSize, ok: true }
      : { fromSize, ok: false, reason: 'the older head is not a prefix of the tree head (consistency proof fails)' };
  });

  const scopeProblems = problemsAt('/scope');
  const scope =
    scopeProblems.length > 0
      ? { kind: 'unstated' as const, ok: false, reason: malformed(scopeProblems) }
      : checkScope(bundle.scope, entries);

  const ok =
    errors.length === 0 && treeHead.ok && entries.every((e) => e.ok) && consistency.every((c) => c.ok) && scope.ok;
  return { ok, treeHead, entries, consistency, scope, errors };
}

/** A range must hold each of its leaf indexes exactly once and nothing else; other scopes claim no completeness. */
function checkScope(
  scope: BundleScope | undefined,
  entries: readonly { leafIndex: number }[],
): VerificationReport['scope'] {
  if (!scope) return { kind: 'unstated', ok: true };
  if (scope.kind !== 'range') return { kind: scope.kind, ok: true };
  const { fromIndex, toIndex } = scope;
  const counts = new Map<number, number>();
  for (const { leafIndex } of entries) counts.set(leafIndex, (counts.get(leafIndex) ?? 0) + 1);
  const present = [...counts.keys()].filter((index) => index >= fromIndex && index < toIndex).sort((a, b) => a - b);
  const missing: [number, number][] = [];
  let next = fromIndex;
  for (const index of [...present, toIndex]) {
    if (index > next) missing.push([next, index - 1]);
    next = index + 1;
  }
  // An entry without a valid leaf index (-1) already fails on its own.
  const outside = [...counts.keys()].filter((index) => index >= 0 && (index < fromIndex || index >= toIndex));
  const twice = [...counts].filter(([, count]) => count > 1).map(([index]) => index);
  const findings = [
    missing.length > 0 ? `missing: ${runs(missing)}` : '',
    twice.length > 0 ? `more than once: ${runs(twice.map((index) => [index, index]))}` : '',
    outside.length > 0 ? `outside the range: ${runs(outside.map((index) => [index, index]))}` : '',
  ].filter(Boolean);
  if (findings.length === 0) return { kind: 'range', ok: true };
  return { kind: 'range', ok: false, reason: `claims entries ${fromIndex}-${toIndex - 1}; ${findings.join('; ')}` };
}

/** Index runs as "3, 7-9, …", at most 20 of them (a bundle can miss a million entries). */
function runs(list: readonly [number, number][]): string {
  const shown = list.slice(0, 20).map(([first, last]) => (first === last ? `${first}` : `${first}-${last}`));
  return list.length > 20 ? `${shown.join(', ')} and ${list.length - 20} more` : shown.join(', ');
}

function checkSignature(signed: SignedTreeHead, key: KeyObject | undefined): { ok: boolean; reason?: string } {
  if (!key) return { ok: false, reason: 'no usable trusted key' };
  const { head, signature } = fromSignedTreeHead(signed);
  return verifyTreeHead(head, signature, key)
    ? { ok: true }
    : { ok: false, reason: 'signature does not verify with the trusted key (head altered or signed by another key)' };
}

function hashes(hex: string[]): Buffer[] {
  return hex.map((hash) => Buffer.from(hash, 'hex'));
}

// The proof lengths RFC 9162 fixes for given sizes; checking them first turns a truncated or padded proof into a
// precise reason instead of a bare hash mismatch. Plain arithmetic: sizes exceed the 32 bits of JS bitwise operators.
function inclusionProofLength(index: number, size: number): number {
  let length = 0;
  for (let [lo, hi] = [0, size]; hi - lo > 1; length++) {
    const split = lo + largestPowerOfTwoBelow(hi - lo);
    if (index < split) hi = split;
    else lo = split;
  }
  return length;
}

function consistencyProofLength(m: number, n: number): number {
  let length = 0;
  let [lo, hi] = [0, n];
  let complete = true;
  for (; m !== hi; length++) {
    const split = lo + largestPowerOfTwoBelow(hi - lo);
    if (m <= split) hi = split;
    else [lo, complete] = [split, false];
  }
  // The older root itself is only omitted when it is a whole subtree on the left edge.
  return complete ? length : length + 1;
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
