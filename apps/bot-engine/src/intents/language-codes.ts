/** The languages the intent lexicon and the global intents cover. */
export type IntentLanguage = 'en' | 'de' | 'fr' | 'es';

export const INTENT_LANGUAGES: readonly IntentLanguage[] = ['en', 'de', 'fr', 'es'];
