/**
 * The words several events share (sender kinds, conversation statuses, guard outcomes, roles…) and the schema
 * fragments they reuse: each in one place. Events themselves live one per file, in a folder per producing service.
 */
export const COLLECTED_FIELDS = ['email', 'phone', 'name', 'text'] as const;

export type CollectedField = (typeof COLLECTED_FIELDS)[number];

export interface QuickReply {
  id: string;
  label: string;
}

export const HANDOFF_REASONS = ['visitor_asked', 'playbook', 'not_understood', 'sensitive_data'] as const;

export type HandoffReason = (typeof HANDOFF_REASONS)[number];

export const DATA_REQUEST_KINDS = ['erasure', 'access', 'unsubscribe'] as const;

export type DataRequestKind = (typeof DATA_REQUEST_KINDS)[number];

export const CONSENT_ACTIONS = ['granted', 'withdrawn', 'expired'] as const;

export type ConsentActionName = (typeof CONSENT_ACTIONS)[number];

export const SENDER_KINDS = ['visitor', 'bot', 'agent', 'system'] as const;

export type SenderKind = (typeof SENDER_KINDS)[number];

/** A Candor field ciphertext (see libs/crypto field-cipher): `cnd1.<subjectId>.<keyVersion>.<sealed>`. */
export const CIPHERTEXT_SCHEMA = {
  type: 'string',
  pattern: '^cnd1\\.[0-9a-f-]{36}\\.[0-9]+\\.[A-Za-z0-9_-]+$',
  maxLength: 12_000,
  'x-personal-data': true,
} as const;

export const CONVERSATION_STATUSES = ['bot', 'waiting_for_human', 'with_human', 'closed'] as const;

export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** What the sensitive-data guard did to a visitor message before it was stored (see libs/privacy). */
export const GUARD_OUTCOMES = ['clean', 'allowed', 'redacted', 'blocked'] as const;

export type GuardOutcome = (typeof GUARD_OUTCOMES)[number];

export interface GuardVerdict {
  /** clean: nothing found; allowed: found, tenant policy allows it; redacted: spans removed; blocked: text withheld. */
  outcome: GuardOutcome;
  /** Categories found (names only, never the values), e.g. ["health", "dob"]. */
  categories: string[];
}

/** Ids authored by tenants (quick replies, forms, purposes, teams): lower-case slugs, never personal data. */
export const SLUG_SCHEMA = { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,62}$' } as const;

/** Why a conversation changed hands. */
export const STATUS_CHANGE_REASONS = [
  'handoff_queued',
  'agent_joined',
  'agent_left',
  'visitor_left_queue',
  'closed',
] as const;

export type StatusChangeReason = (typeof STATUS_CHANGE_REASONS)[number];

export const API_KEY_ROLES = ['admin', 'agent', 'compliance', 'integrator'] as const;

export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

/** What every service stores of a key; shared by the issue and the revocation. */
export const API_KEY_PROPERTIES = {
  keyId: { type: 'string', pattern: '^[a-z0-9]{16}$' },
  tenantId: { type: 'string', format: 'uuid' },
  role: { type: 'string', enum: [...API_KEY_ROLES] },
  secretHash: { type: 'string', pattern: '^[a-f0-9]{64}$' },
  label: { type: ['string', 'null'], maxLength: 100 },
  createdAt: { type: 'string', format: 'date-time' },
} as const;
