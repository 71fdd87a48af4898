/** The Postgres schema owned by the bot engine. */
export const BOT_ENGINE_SCHEMA = 'bot_engine';
