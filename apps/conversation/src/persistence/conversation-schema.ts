/** The Postgres schema owned by the conversation service. */
export const CONVERSATION_SCHEMA = 'conversation';
