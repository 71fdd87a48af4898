import type { TreeHead } from '@candor/merkle';
import { checkConsentEntry, CONSENT_ACTIONS, ConsentEntry } from './consent-entry';
import {
  arrayOf,
  Check,
  integer,
  isPlainObject,
  literal,
  matching,
  nullable,
  object,
  oneOf,
  pointer,
  rfc3339UtcMillis,
  SHA256_HEX,
  SLUG,
  UUID,
  variant,
  Violation,
} from './shape';

/** Bundles state their scope: what they claim to hold. */
export const PROOF_BUNDLE_FORMAT = 'candor.consent-proof-bundle/2';
/** Bundles exported before the scope was stated; they keep verifying and claim nothing about entries left out. */
export const PROOF_BUNDLE_FORMAT_V1 = 'candor.consent-proof-bundle/1';

/** What a bundle claims to hold, so a verifier can tell a whole log from a selection. */
export type BundleScope =
  /** Every entry with a leaf index in [fromIndex, toIndex), each exactly once; from 0 to the head's size, the whole log. */
  | { kind: 'range'; fromIndex: number; toIndex: number }
  /** Only the entries a search matched (stated for information): nothing is claimed about the entries left out. */
  | { kind: 'filtered'; filter: ExportFilter };

export interface ExportFilter {
  purpose: string | null;
  action: string | null;
  /** Recorded at or after / before (RFC 3339 UTC). */
  recordedFrom: string | null;
  recordedBefore: string | null;
  /** Only entries after this leaf index. */
  afterLeafIndex: number | null;
}

export interface SignedTreeHead {
  logId: string;
  treeSize: number;
  /** Lowercase hex. */
  rootHash: string;
  /** Milliseconds since the epoch. */
  timestamp: number;
  /** Base64 Ed25519 signature over the head (see signTreeHead in @candor/merkle). */
  signature: string;
}

export interface ProofBundle {
  format: typeof PROOF_BUNDLE_FORMAT;
  tenantId: string;
  scope: BundleScope;
  /** SPKI PEM of the tenant's Ed25519 log key, for information: the verifier uses the key it trusts, and reports a mismatch. */
  publicKey: string;
  treeHead: SignedTreeHead;
  /** inclusionProof: lowercase hex hashes, RFC 9162 order (leaf side first). */
  entries: { entry: ConsentEntry; inclusionProof: string[] }[];
  /** Proofs that older heads (e.g. one the auditor saved earlier) are prefixes of treeHead; may be empty. */
  consistency: { from: SignedTreeHead; proof: string[] }[];
  exportedAt: string;
}

export function toSignedTreeHead(head: TreeHead, signature: Uint8Array): SignedTreeHead {
  return {
    logId: head.logId,
    treeSize: head.treeSize,
    rootHash: Buffer.from(head.rootHash).toString('hex'),
    timestamp: head.timestamp,
    signature: Buffer.from(signature).toString('base64'),
  };
}

/** The inverse of toSignedTreeHead, for a head that passed validateProofBundle. */
export function fromSignedTreeHead(signed: SignedTreeHead): { head: TreeHead; signature: Buffer } {
  const { logId, treeSize, rootHash, timestamp, signature } = signed;
  return {
    head: { logId, treeSize, rootHash: Buffer.from(rootHash, 'hex'), timestamp },
    signature: Buffer.from(signature, 'base64'),
  };
}

const hashList = arrayOf(matching(SHA256_HEX, 'a lowercase hex SHA-256'));
// 64 bytes of base64 is always 86 characters and "==".
const ED25519_SIGNATURE_BASE64 = /^[A-Za-z0-9+/]{85}[AQgw]==$/;
const SPKI_PEM = /^-----BEGIN PUBLIC KEY-----\r?\n[A-Za-z0-9+/=\r\n]+-----END PUBLIC KEY-----\r?\n?$/;

const checkSignedTreeHead: Check = object({
  logId: matching(UUID, 'a lowercase UUID (the tenant id)'),
  treeSize: integer(0),
  rootHash: matching(SHA256_HEX, 'a lowercase hex SHA-256'),
  timestamp: integer(0),
  signature: matching(ED25519_SIGNATURE_BASE64, 'a base64 Ed25519 signature (64 bytes)'),
});

const checkScope: Check = variant('kind', {
  range: object({ kind: literal('range'), fromIndex: integer(0), toIndex: integer(0) }),
  filtered: object({
    kind: literal('filtered'),
    filter: object({
      purpose: nullable(matching(SLUG, 'a slug')),
      action: nullable(oneOf(CONSENT_ACTIONS)),
      recordedFrom: nullable(rfc3339UtcMillis),
      recordedBefore: nullable(rfc3339UtcMillis),
      afterLeafIndex: nullable(integer(0)),
    }),
  }),
});

const bundleFields: Record<string, Check> = {
  format: oneOf([PROOF_BUNDLE_FORMAT, PROOF_BUNDLE_FORMAT_V1]),
  tenantId: matching(UUID, 'a lowercase UUID'),
  publicKey: matching(SPKI_PEM, 'an SPKI PEM public key'),
  treeHead: checkSignedTreeHead,
  entries: arrayOf(object({ entry: checkConsentEntry, inclusionProof: hashList })),
  consistency: arrayOf(object({ from: checkSignedTreeHead, proof: hashList })),
  exportedAt: rfc3339UtcMillis,
};
const checkBundleShape: Check = object({ ...bundleFields, scope: checkScope });
const checkV1BundleShape: Check = object(bundleFields);

/**
 * Structural problems of a bundle, [] when well-formed: its shape, plus the rules that tie its parts together
 * (one tenant throughout, each leaf index once and inside the head, older heads no larger than the head, a
 * claimed range inside the head). No cryptography, and not whether a claimed range is complete: that is
 * verifyBundle's job.
 */
export function validateProofBundle(bundle: unknown): Violation[] {
  const violations: Violation[] = [];
  const v1 = isPlainObject(bundle) && bundle.format === PROOF_BUNDLE_FORMAT_V1;
  (v1 ? checkV1BundleShape : checkBundleShape)(bundle, '', violations);
  if (!isPlainObject(bundle)) return violations;
  const { tenantId, treeHead, entries, consistency, scope } = bundle;
  const head = isPlainObject(treeHead) ? treeHead : {};
  if (typeof head.logId === 'string' && head.logId !== tenantId) {
    violations.push({ path: '/treeHead/logId', message: 'must equal tenantId' });
  }
  const treeSize = Number.isSafeInteger(head.treeSize) ? (head.treeSize as number) : undefined;
  if (isPlainObject(scope) && scope.kind === 'range') {
    const { fromIndex, toIndex } = scope;
    if (
      Number.isSafeInteger(fromIndex) &&
      Number.isSafeInteger(toIndex) &&
      (fromIndex as number) > (toIndex as number)
    ) {
      violations.push({ path: '/scope/fromIndex', message: 'must not be greater than toIndex' });
    }
    if (treeSize !== undefined && Number.isSafeInteger(toIndex) && (toIndex as number) > treeSize) {
      violations.push({ path: '/scope/toIndex', message: `must not be greater than treeHead.treeSize (${treeSize})` });
    }
  }
  const seen = new Map<unknown, number>();
  (Array.isArray(entries) ? entries : []).forEach((item: unknown, i) => {
    const entry = isPlainObject(item) && isPlainObject(item.entry) ? item.entry : {};
    const path = `/entries/${i}/entry`;
    if (typeof entry.tenantId === 'string' && entry.tenantId !== tenantId) {
      violations.push({ path: pointer(path, 'tenantId'), message: 'must equal the bundle tenantId' });
    }
    if (!Number.isSafeInteger(entry.leafIndex)) return;
    if (treeSize !== undefined && (entry.leafIndex as number) >= treeSize) {
      violations.push({
        path: pointer(path, 'leafIndex'),
        message: `must be less than treeHead.treeSize (${treeSize})`,
      });
    }
    const first = seen.get(entry.leafIndex);
    if (first !== undefined) {
      violations.push({ path: pointer(path, 'leafIndex'), message: `duplicates /entries/${first}/entry/leafIndex` });
    } else seen.set(entry.leafIndex, i);
  });
  (Array.isArray(consistency) ? consistency : []).forEach((item: unknown, j) => {
    const from = isPlainObject(item) && isPlainObject(item.from) ? item.from : {};
    const path = `/consistency/${j}/from`;
    if (typeof from.logId === 'string' && from.logId !== tenantId) {
      violations.push({ path: pointer(path, 'logId'), message: 'must equal tenantId' });
    }
    // Nothing to prove about an empty log, and a larger "older" head cannot be a prefix.
    const size = from.treeSize;
    if (
      Number.isSafeInteger(size) &&
      ((size as number) < 1 || (treeSize !== undefined && (size as number) > treeSize))
    ) {
      violations.push({ path: pointer(path, 'treeSize'), message: 'must be between 1 and treeHead.treeSize' });
    }
  });
  return violations;
}

/** Assembles a bundle from binary proofs; throws if the result is not a well-formed bundle (an exporter bug). */
export function buildProofBundle(input: {
  tenantId: string;
  publicKeyPem: string;
  scope: BundleScope;
  treeHead: SignedTreeHead;
  entries: { entry: ConsentEntry; inclusionProof: Uint8Array[] }[];
  consistency?: { from: SignedTreeHead; proof: Uint8Array[] }[];
  exportedAt: string;
}): ProofBundle {
  const hex = (hashes: Uint8Array[]) => hashes.map((hash) => Buffer.from(hash).toString('hex'));
  const bundle: ProofBundle = {
    format: PROOF_BUNDLE_FORMAT,
    tenantId: input.tenantId,
    scope: input.scope,
    publicKey: input.publicKeyPem,
    treeHead: input.treeHead,
    entries: input.entries.map(({ entry, inclusionProof }) => ({ entry, inclusionProof: hex(inclusionProof) })),
    consistency: (input.consistency ?? []).map(({ from, proof }) => ({ from, proof: hex(proof) })),
    exportedAt: input.exportedAt,
  };
  const violations = validateProofBundle(bundle);
  if (violations.length > 0) {
    throw new TypeError(`Invalid proof bundle: ${violations.map((v) => `${v.path} ${v.message}`).join('; ')}`);
  }
  return bundle;
}
