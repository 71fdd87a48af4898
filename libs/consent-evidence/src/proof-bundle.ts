import type { TreeHead } from '@candor/merkle';
import { checkConsentEntry, ConsentEntry } from './consent-entry';
import {
  arrayOf,
  Check,
  integer,
  isPlainObject,
  literal,
  matching,
  object,
  pointer,
  rfc3339UtcMillis,
  SHA256_HEX,
  UUID,
  Violation,
} from './shape';

export const PROOF_BUNDLE_FORMAT = 'candor.consent-proof-bundle/1';

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

const checkBundleShape: Check = object({
  format: literal(PROOF_BUNDLE_FORMAT),
  tenantId: matching(UUID, 'a lowercase UUID'),
  publicKey: matching(SPKI_PEM, 'an SPKI PEM public key'),
  treeHead: checkSignedTreeHead,
  entries: arrayOf(object({ entry: checkConsentEntry, inclusionProof: hashList })),
  consistency: arrayOf(object({ from: checkSignedTreeHead, proof: hashList })),
  exportedAt: rfc3339UtcMillis,
});

/**
 * Structural problems of a bundle, [] when well-formed: its shape, plus the rules that tie its parts together
 * (one tenant throughout, each leaf index once and inside the head, older heads no larger than the head). No
 * cryptography: that is verifyBundle's job.
 */
export function validateProofBundle(bundle: unknown): Violation[] {
  const violations: Violation[] = [];
  checkBundleShape(bundle, '', violations);
  if (!isPlainObject(bundle)) return violations;
  const { tenantId, treeHead, entries, consistency } = bundle;
  const head = isPlainObject(treeHead) ? treeHead : {};
  if (typeof head.logId === 'string' && head.logId !== tenantId) {
    violations.push({ path: '/treeHead/logId', message: 'must equal tenantId' });
  }
  const treeSize = Number.isSafeInteger(head.treeSize) ? (head.treeSize as number) : undefined;
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
  treeHead: SignedTreeHead;
  entries: { entry: ConsentEntry; inclusionProof: Uint8Array[] }[];
  consistency?: { from: SignedTreeHead; proof: Uint8Array[] }[];
  exportedAt: string;
}): ProofBundle {
  const hex = (hashes: Uint8Array[]) => hashes.map((hash) => Buffer.from(hash).toString('hex'));
  const bundle: ProofBundle = {
    format: PROOF_BUNDLE_FORMAT,
    tenantId: input.tenantId,
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
