export const PERSONA_LANGUAGES = ['en', 'de', 'fr', 'es'] as const;
export type PersonaLanguage = (typeof PERSONA_LANGUAGES)[number];

export const PERSONA_TONES = ['friendly', 'neutral', 'formal'] as const;
export type PersonaTone = (typeof PERSONA_TONES)[number];

export interface PersonaDraft {
  name: string;
  /** A data URI: image/svg+xml, image/png or image/webp, base64 (or URL-encoded for SVG). */
  avatar: string | null;
  tone: PersonaTone;
  /** The sentence that tells the visitor they talk to an automated assistant, per language; 'en' required. */
  disclosure: Partial<Record<PersonaLanguage, string>>;
}

/** One reason a persona is refused; `field` is a path such as 'name', 'avatar' or 'disclosure.de'. */
export interface PersonaViolation {
  field: string;
  code: string;
  message: string;
}
