import type { CollectedField } from './vocabulary';

/**
 * Every encryption scope in one place: what a ciphertext is bound to (tenant, subject, record, field), so a value
 * moved to another row, field or tenant does not decrypt.
 */

/**
 * How a message's text is bound when encrypted under its subject's key: the
 * same scope in the database and on Kafka, whoever wrote it (visitor, bot, agent).
 */
export function messageTextScope(tenantId: string, subjectId: string, messageId: string) {
  return { tenantId, subjectId, record: `message:${messageId}`, field: 'text' };
}

/** How a value the bot captured (email, phone, name, an answer) is bound: to its tenant, visitor, record and field. */
export function capturedFieldScope(tenantId: string, visitorId: string, id: string, field: CollectedField) {
  return { tenantId, subjectId: visitorId, record: `capture:${id}`, field };
}
