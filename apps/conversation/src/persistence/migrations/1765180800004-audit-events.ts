import { auditEventsMigration } from '@candor/platform';

/** The trail of administrative actions on this service, append-only. */
export const AuditEvents1765180800004 = auditEventsMigration('conversation');
