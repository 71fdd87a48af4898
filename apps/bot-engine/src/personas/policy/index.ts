export { PERSONA_LANGUAGES, PERSONA_TONES } from './types';
export type { PersonaDraft, PersonaLanguage, PersonaTone, PersonaViolation } from './types';
export { normaliseAvatar } from './avatar';
export { validatePersona } from './validate-persona';
