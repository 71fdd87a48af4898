import type { Finding } from '../categories';
import { fold, matchesOf } from '../text';

/** Dates as people type them: 12/03/1985, 12.3.85, 1985-03-12, 12 March 1985, March 12, 1985, 12. März 1985… */
const MONTHS =
  'jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|fev(?:rier)?|febrero|mar(?:ch|z|s)?|marzo|apr(?:il)?|avr(?:il)?|abril|may|mai|mayo|jun(?:e|i)?|juin|junio|jul(?:y|i)?|juil(?:let)?|julio|aug(?:ust)?|aout|agosto|sep(?:t(?:ember|embre)?)?|septiembre|oct(?:ober|obre)?|okt(?:ober)?|octubre|nov(?:ember|embre)?|noviembre|dec(?:ember|embre)?|dez(?:ember)?|diciembre|enero';
const DATE = new RegExp(
  [
    '\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})',
    '\\d{4}-\\d{1,2}-\\d{1,2}',
    `\\d{1,2}\\.?(?:\\s+de)?\\s+(?:${MONTHS})\\.?(?:\\s+de)?\\s+\\d{4}`,
    `(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`,
  ].join('|'),
  'g',
);

const BIRTH_CONTEXT =
  /(born|birth|d\.?o\.?b|birthday|geboren|geburtsdatum|geburtstag|geb\.|ne le|nee le|ne\(e\) le|naissance|nacid[oa]|naci\b|nacimiento|fecha de nac)/;
/** "… am 3. Juli 1988 geboren", "… 1990 born": the keyword may follow the date. */
const BIRTH_CONTEXT_AFTER = /^\W{0,3}(?:\p{L}+\s+){0,2}(geboren|born|nee|ne|nacid[oa])\b/u;

/** A date counts as a date of birth only when the words just before it say so. */
export function findDatesOfBirth(text: string): Finding[] {
  const folded = fold(text);
  const findings: Finding[] = [];
  for (const match of matchesOf(DATE, folded)) {
    const before = folded.slice(Math.max(0, match.index - 45), match.index);
    const after = folded.slice(match.index + match[0].length, match.index + match[0].length + 30);
    if (BIRTH_CONTEXT.test(before) || BIRTH_CONTEXT_AFTER.test(after)) {
      findings.push({ category: 'dob', start: match.index, end: match.index + match[0].length });
    }
  }
  return findings;
}
