import { DomainError, type ErrorCode } from '@candor/platform';

/** What the bot-engine service's domain may refuse with (codes and statuses: libs/platform errors/error-codes.ts). */
export type BotEngineErrorCode = Extract<
  ErrorCode,
  | 'invalid_playbook'
  | 'not_found'
  | 'parser_unavailable'
  | 'persona_rejected'
  | 'playbook_not_published'
  | 'version_immutable'
>;

export class BotEngineError extends DomainError<BotEngineErrorCode> {}
