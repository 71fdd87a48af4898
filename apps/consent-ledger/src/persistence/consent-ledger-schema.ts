/** The Postgres schema owned by the consent-ledger service. */
export const CONSENT_LEDGER_SCHEMA = 'consent_ledger';

/**
 * Tables whose rows are evidence, append-only for the service (migration 1764576000000 revokes UPDATE, DELETE
 * and TRUNCATE and adds the `<table>_append_only` and `<table>_no_truncate` triggers).
 */
export const EVIDENCE_TABLES = ['consent_forms', 'ledger_entries', 'ledger_nodes', 'tree_heads', 'log_keys'];
