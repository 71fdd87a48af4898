/**
 * Every machine-readable `code` a Candor API answers with: one catalogue, each code with the one HTTP status it is
 * sent with and what it means to a client. Domain code throws a `DomainError` naming a code; the HTTP layer throws an
 * `ApiException`; the exception filter renders both (docs/errors.md lists this catalogue, and a test keeps it fresh).
 */
export const ERROR_CODES = {
  // The request itself
  bad_request: { status: 400, meaning: 'The request is malformed.' },
  validation_failed: {
    status: 400,
    meaning: 'The request does not match its documented schema; `details` says where.',
  },
  malformed_json: { status: 400, meaning: 'The body is not valid JSON.' },
  too_deep: { status: 400, meaning: 'The JSON body is nested deeper than the services accept.' },
  invalid_characters: { status: 400, meaning: 'The body holds characters no field accepts (e.g. NUL).' },
  forbidden_key: { status: 400, meaning: 'The JSON body uses the reserved key `__proto__`.' },
  invalid_value: { status: 400, meaning: 'A value in the request cannot be stored (too long, out of range).' },
  invalid_range: { status: 400, meaning: 'The range asked for is empty or reversed.' },
  invalid_entry: { status: 400, meaning: 'The consent entry is not valid; `details` says why.' },
  invalid_idempotency_key: { status: 400, meaning: 'The Idempotency-Key header is not 1-100 printable characters.' },
  // Who is asking
  unauthenticated: { status: 401, meaning: 'No bearer credential was sent.' },
  invalid_credentials: { status: 401, meaning: 'The API key or visitor token is unknown, revoked or invalid.' },
  expired_credentials: { status: 401, meaning: 'The API key has expired; use its replacement.' },
  invalid_site_key: { status: 401, meaning: 'The site key names no tenant.' },
  forbidden: { status: 403, meaning: "The credential's role (or a visitor token) does not allow this call." },
  origin_not_allowed: { status: 403, meaning: "The page's origin is not one the tenant allowed." },
  not_holding: { status: 403, meaning: 'Another agent holds the conversation.' },
  // What is asked for
  not_found: {
    status: 404,
    meaning: 'No such resource for this caller (also what another tenant’s resource looks like).',
  },
  no_signed_head: { status: 404, meaning: 'The consent log has no signed tree head (of that size) yet.' },
  method_not_allowed: { status: 405, meaning: 'The path exists; the method does not.' },
  request_timeout: { status: 408, meaning: 'The body did not arrive in time.' },
  conflict: { status: 409, meaning: 'The request conflicts with the current state.' },
  invalid_state: { status: 409, meaning: 'The conversation is not in a state that allows this.' },
  conversation_closed: { status: 409, meaning: 'The conversation is closed.' },
  version_exists: { status: 409, meaning: 'That version label was already published.' },
  version_immutable: { status: 409, meaning: 'A published version cannot change; add a new version.' },
  form_purpose_conflict: { status: 409, meaning: 'The consent form was published for another purpose.' },
  key_not_active: { status: 409, meaning: 'A revoked or expired key cannot be rotated.' },
  cannot_revoke_own_key: { status: 409, meaning: 'A key cannot revoke itself.' },
  not_in_signed_head: { status: 409, meaning: 'The entry is not covered by a signed tree head yet.' },
  gone: { status: 410, meaning: 'The resource is gone.' },
  erased: { status: 410, meaning: 'The data belongs to an erased subject or an off-boarded tenant.' },
  payload_too_large: { status: 413, meaning: 'The body is larger than the service accepts.' },
  unsupported_media_type: { status: 415, meaning: 'The body is not application/json.' },
  // Understood, and refused
  unprocessable: { status: 422, meaning: 'The request is well-formed but cannot be carried out.' },
  persona_rejected: { status: 422, meaning: 'The persona could pass as a human or lacks a clear bot disclosure.' },
  invalid_playbook: { status: 422, meaning: 'The playbook does not match its schema; `details` says where.' },
  playbook_not_published: { status: 422, meaning: 'The playbook has no published version.' },
  unknown_form: { status: 422, meaning: 'No published version of the consent form matches.' },
  purpose_mismatch: { status: 422, meaning: 'The consent form is for another purpose than the decision.' },
  text_mismatch: { status: 422, meaning: 'The text shown is not the text of that form version.' },
  personal_data_in_reference: { status: 422, meaning: 'The evidence reference looks like personal data.' },
  idempotency_key_reused: { status: 422, meaning: 'The Idempotency-Key was used with a different request.' },
  export_too_large: { status: 422, meaning: 'The export is larger than one response; page it with the cursor.' },
  rate_limited: { status: 429, meaning: 'A rate limit was reached; `Retry-After` says when to try again.' },
  // The service
  internal_error: { status: 500, meaning: 'An unexpected error; nothing about its cause is shown.' },
  unavailable: { status: 503, meaning: 'The service is not ready or is shutting down.' },
  busy: { status: 503, meaning: 'The work is contended (a lock or statement timeout); nothing was done, try again.' },
  key_service_unavailable: { status: 503, meaning: 'Encryption keys cannot be had; nothing was stored or shown.' },
  not_recorded: { status: 503, meaning: 'The consent log could not record this now; nothing was recorded.' },
  parser_unavailable: { status: 503, meaning: 'The playbook parser is unavailable; try again.' },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function statusOf(code: ErrorCode): number {
  return ERROR_CODES[code].status;
}
