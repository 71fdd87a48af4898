import { DomainError, type ErrorCode } from '@candor/platform';

/** What the conversation service's domain may refuse with (codes and statuses: libs/platform errors/error-codes.ts). */
export type ConversationErrorCode = Extract<
  ErrorCode,
  | 'cannot_revoke_own_key'
  | 'conversation_closed'
  | 'forbidden'
  | 'invalid_site_key'
  | 'invalid_state'
  | 'key_not_active'
  | 'not_found'
  | 'not_holding'
  | 'origin_not_allowed'
  | 'version_exists'
>;

export class ConversationError extends DomainError<ConversationErrorCode> {}
