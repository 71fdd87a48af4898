/**
 * Compares what a visitor typed with labels and words, ignoring case, accents and punctuation: "Vertrieb!" and
 * "vertrieb", "Sí" and "si", "d'accord" and "D’accord" are equal.
 */
export function normaliseForMatch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Whole answers only: "no, yes" or "not sure" must not count as a decision.
const YES = [
  'yes',
  'yes please',
  'yeah',
  'yep',
  'ok',
  'okay',
  'sure',
  'ja',
  'ja gerne',
  'gerne',
  'einverstanden',
  'oui',
  'd accord',
  'si',
  'claro',
  'vale',
  'de acuerdo',
];
const NO = ['no', 'no thanks', 'nope', 'nein', 'nein danke', 'non', 'non merci', 'no gracias'];
const YES_WORDS = new Set(YES.map(normaliseForMatch));
const NO_WORDS = new Set(NO.map(normaliseForMatch));

/** true for a typed yes, false for a typed no, null when the answer is neither. */
export function typedConsentAnswer(text: string): boolean | null {
  const normalised = normaliseForMatch(text);
  if (YES_WORDS.has(normalised)) return true;
  if (NO_WORDS.has(normalised)) return false;
  return null;
}
