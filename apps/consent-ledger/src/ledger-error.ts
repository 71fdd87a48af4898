import { DomainError, type ErrorCode } from '@candor/platform';

/** What the consent-ledger service's domain may refuse with (codes and statuses: libs/platform errors/error-codes.ts). */
export type LedgerErrorCode = Extract<
  ErrorCode,
  | 'export_too_large'
  | 'form_purpose_conflict'
  | 'idempotency_key_reused'
  | 'invalid_entry'
  | 'invalid_range'
  | 'no_signed_head'
  | 'not_found'
  | 'not_in_signed_head'
  | 'not_recorded'
  | 'personal_data_in_reference'
  | 'purpose_mismatch'
  | 'text_mismatch'
  | 'unknown_form'
>;

export class LedgerError extends DomainError<LedgerErrorCode> {}
