export {
  assertConsentEntry,
  canonicalEntryBytes,
  CONSENT_ACTIONS,
  CONSENT_ACTORS,
  CONSENT_CHANNELS,
  entryLeafHash,
  LEGAL_BASES,
  validateConsentEntry,
} from './consent-entry';
export type { ConsentAction, ConsentActor, ConsentChannel, ConsentEntry, LegalBasis } from './consent-entry';
export { canonicalize } from './jcs';
export {
  buildProofBundle,
  fromSignedTreeHead,
  PROOF_BUNDLE_FORMAT,
  PROOF_BUNDLE_FORMAT_V1,
  toSignedTreeHead,
  validateProofBundle,
} from './proof-bundle';
export type { BundleScope, ExportFilter, ProofBundle, SignedTreeHead } from './proof-bundle';
export type { Violation } from './shape';
export { parseEd25519PublicKey, verifyBundle } from './verify-bundle';
export type { VerificationReport } from './verify-bundle';
