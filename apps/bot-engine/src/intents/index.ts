/** The bot's intent matcher: global intents in four languages, and tenant-defined intents from example phrases. */
export { INTENT_LANGUAGES, type IntentLanguage } from './language-codes';
export { detectLanguage } from './language';
export { DEFAULT_INTENT_THRESHOLD, IntentMatcher, type IntentDefinition, type IntentMatch } from './intent-matcher';
export { GLOBAL_INTENTS, GLOBAL_INTENT_NAMES, type GlobalIntent } from './global-intents';
export { LEAVE_MESSAGE, LEAVE_QUEUE } from './queue-intents';
