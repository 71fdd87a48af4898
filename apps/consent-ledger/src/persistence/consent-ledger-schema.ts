/** The Postgres schema owned by the consent-ledger service. */
export const CONSENT_LEDGER_SCHEMA = 'consent_ledger';
