/** The Postgres schema owned by the dsr service. */
export const DSR_SCHEMA = 'dsr';
