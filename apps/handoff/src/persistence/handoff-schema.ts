/** The Postgres schema owned by the handoff service. */
export const HANDOFF_SCHEMA = 'handoff';
