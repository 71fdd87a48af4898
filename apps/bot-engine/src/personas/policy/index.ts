export { PERSONA_LANGUAGES, PERSONA_TONES } from './types';
export type { PersonaDraft, PersonaLanguage, PersonaTone, PersonaViolation } from './types';
export { validatePersona } from './validate-persona';
