import { leafHash } from '@candor/merkle';
import { canonicalize } from './jcs';
import {
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
  Violation,
} from './shape';

export const CONSENT_ACTIONS = ['granted', 'withdrawn', 'expired'] as const;
export const LEGAL_BASES = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interests',
  'public_task',
  'legitimate_interests',
] as const;
export const CONSENT_CHANNELS = ['chat', 'api', 'web_form', 'email', 'import'] as const;
export const CONSENT_ACTORS = ['visitor', 'agent', 'system', 'integrator'] as const;

export type ConsentAction = (typeof CONSENT_ACTIONS)[number];
export type LegalBasis = (typeof LEGAL_BASES)[number];
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
export type ConsentActor = (typeof CONSENT_ACTORS)[number];

/** One ledger entry. No personal data: the subject is a pseudonym. */
export interface ConsentEntry {
  v: 1;
  /** uuid; also the log id. */
  tenantId: string;
  /** 0-based position in the tenant's log; hashed with the rest, so an entry only verifies at its own index. */
  leafIndex: number;
  /** Pseudonymous uuid, never personal data. */
  subjectId: string;
  /** Slug ^[a-z][a-z0-9_-]{0,62}$. */
  purpose: string;
  action: ConsentAction;
  legalBasis: LegalBasis;
  /** Slug. */
  formId: string | null;
  /** Positive integer. */
  formVersion: number | null;
  /** Lowercase hex SHA-256 of the exact text shown. */
  formTextHash: string | null;
  channel: ConsentChannel;
  /** reference: the integrator's own id, 1..200 printable characters. */
  evidence: { conversationId: string | null; messageId: string | null; reference: string | null };
  /** ISO 3166-1 alpha-2, ^[A-Z]{2}$. */
  jurisdiction: string | null;
  actor: ConsentActor;
  /** RFC 3339 UTC with milliseconds, e.g. 2026-11-29T10:00:00.000Z. */
  recordedAt: string;
}

const uuid = matching(UUID, 'a lowercase UUID');
const slug = matching(SLUG, 'a slug (^[a-z][a-z0-9_-]{0,62}$)');
// No control, format, private-use or unassigned characters, nor line/paragraph separators: a reference is shown to
// auditors as is and must not be able to hide or rewrite text around it.
const PRINTABLE_REFERENCE = /^[^\p{C}\p{Zl}\p{Zp}]{1,200}$/u;

const checkEntryShape: Check = object({
  v: literal(1),
  tenantId: uuid,
  leafIndex: integer(0),
  subjectId: uuid,
  purpose: slug,
  action: oneOf(CONSENT_ACTIONS),
  legalBasis: oneOf(LEGAL_BASES),
  formId: nullable(slug),
  formVersion: nullable(integer(1)),
  formTextHash: nullable(matching(SHA256_HEX, 'a lowercase hex SHA-256')),
  channel: oneOf(CONSENT_CHANNELS),
  evidence: object({
    conversationId: nullable(uuid),
    messageId: nullable(uuid),
    reference: nullable(matching(PRINTABLE_REFERENCE, '1 to 200 printable characters')),
  }),
  jurisdiction: nullable(matching(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code (two capital letters)')),
  actor: oneOf(CONSENT_ACTORS),
  recordedAt: rfc3339UtcMillis,
});

/** The entry rules as a Check, for validators of documents that embed entries. */
export const checkConsentEntry: Check = (value, path, out) => {
  checkEntryShape(value, path, out);
  if (!isPlainObject(value)) return;
  // A version or text hash of no form cannot show what the subject agreed to.
  if (value.formId === null && (value.formVersion != null || value.formTextHash != null)) {
    out.push({ path: pointer(path, 'formId'), message: 'is required when formVersion or formTextHash is set' });
  }
};

/** Violations (JSON-pointer path + message, never the value), [] when valid. Strict: unknown keys, wrong types, bad formats. */
export function validateConsentEntry(entry: unknown): Violation[] {
  const violations: Violation[] = [];
  checkConsentEntry(entry, '', violations);
  return violations;
}

/** Throws (naming paths, never values) unless `entry` is a valid ConsentEntry. */
export function assertConsentEntry(entry: unknown): asserts entry is ConsentEntry {
  const violations = validateConsentEntry(entry);
  if (violations.length > 0) {
    throw new TypeError(`Invalid consent entry: ${violations.map((v) => `${v.path} ${v.message}`).join('; ')}`);
  }
}

/** The canonical byte encoding hashed into the log: RFC 8785 (JCS) of the entry, UTF-8. Throws on an invalid entry. */
export function canonicalEntryBytes(entry: ConsentEntry): Buffer {
  assertConsentEntry(entry);
  return Buffer.from(canonicalize(entry), 'utf8');
}

/** The entry's RFC 6962 leaf hash: SHA-256(0x00 || canonicalEntryBytes(entry)). */
export function entryLeafHash(entry: ConsentEntry): Buffer {
  return leafHash(canonicalEntryBytes(entry));
}
