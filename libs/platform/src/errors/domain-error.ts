import type { ErrorCode } from './error-codes';

/**
 * A refusal decided by domain code (a service, a repository, the bot), named by a catalogued code and free of any
 * HTTP detail: the exception filter turns it into the code's status and the common error body once. Each service
 * narrows `Code` to the codes it may raise (e.g. `ConversationError`).
 */
export class DomainError<Code extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly details?: unknown[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}
