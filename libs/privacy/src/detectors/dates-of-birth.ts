import type { Finding } from '../categories';
import { fold, matchesOf } from '../text';

/** Month names and the abbreviations people type (janv., févr., dic., ene.), folded. */
const MONTHS =
  'jan(?:uary|uar|vier|v)?|ene(?:ro)?|feb(?:ruary|ruar|rero)?|fev(?:rier|r)?|mar(?:ch|z|s|zo)?|apr(?:il)?|avr(?:il)?|abr(?:il)?|may(?:o)?|mai|jun(?:e|i|io)?|juin|jul(?:y|i|io)?|juil(?:let)?|aug(?:ust)?|aout|ago(?:sto)?|sep(?:t(?:ember|embre|iembre)?|tiembre)?|set(?:iembre)?|oct(?:ober|obre|ubre)?|okt(?:ober)?|nov(?:ember|embre|iembre)?|dec(?:ember|embre)?|dez(?:ember)?|dic(?:iembre)?';
/** A day as written before a month name: 3, 3., 3rd, 1er, 3rd of, 3 de. */
const DAY = '\\d{1,2}(?:st|nd|rd|th|er|º|°)?\\.?(?:\\s+(?:of|de))?';
/** Dates as people type them: 12/03/1985, 12.3.85, 1985-03-12, 1985/03/12, 12 March 1985, 12-Mar-1985, 3.Juli 1988, March 12, 1985… */
const DATE = new RegExp(
  [
    '\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})',
    '\\d{4}[-/]\\d{1,2}[-/]\\d{1,2}',
    `${DAY}(?:\\s+|(?<=\\.)|-)(?:${MONTHS})\\.?(?:\\s+de)?(?:\\s+|-)\\d{4}`,
    `(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`,
  ].join('|'),
  'g',
);

const BIRTH_CONTEXT =
  /(born|birth|d\.?o\.?b|b-?day|geboren|geburtsdatum|geburtstag|geb\b|ne le|nee le|ne\(e\) le|naissance|\bddn\b|anniversaire|nacid[oa]|naci\b|nacimiento|fecha\s+(?:de\s+)?nac|f\.\s?nac|cumpleanos)/;
/** "… am 3. Juli 1988 geboren", "… 1990 born": the keyword may follow the date. */
const BIRTH_CONTEXT_AFTER = /^\W{0,3}(?:\p{L}+\s+){0,2}(geboren|born|nee|ne|nacid[oa])\b/u;
/** "née à Lyon le 5 mai 1980", "nacido en Sevilla el …": a birthplace between the keyword and the date. */
const BORN_IN_PLACE = /\b(?:nee?|nacid[oa])\s+(?:a|au|en)\s+[\p{L}' -]{2,30}\s+(?:le|el)\s+$/u;
/**
 * An age: "I'm 41", "52 years old", "52-year-old", "Alter: 38", "ich bin 38", "38 Jahre alt", "j'ai 67 ans",
 * "âgée de 67 ans", "tengo 45 años". Bare "40 ans"/"40 años" is left out: "il y a 40 ans, le …" is history.
 */
const AGE =
  /\b(?:i\s?am|i['’]?m|age[ds]?|aged|alter|bin|j['’]?ai|agee?\s+de|tengo|edad(?:\s+de)?)\W{0,3}(\d{1,3})\b(?!\W{0,2}(?:min|hour|hr|day|week|month|minute|stunde|tag|woche|monat|heure|jour|semaine|mois|minuto|hora|dia|semana|mes|%|€|\$|eur))|\b(\d{1,3})(?:[\s-]?years?[\s-]old|\s?yrs?\s+old|\s?y\/?o\b|\s+jahre\s+alt)(?!\s+as\s+an?\b)/;

/** The year a date was written with, four digits (two-digit years read as the latest past century). */
function yearOf(date: string, thisYear: number): number | undefined {
  const year = /(\d{4})$|^(\d{4})|[./-](\d{2})$/.exec(date);
  if (!year) return undefined;
  if (year[1] ?? year[2]) return Number(year[1] ?? year[2]);
  const short = Number(year[3]);
  return short + (2000 + short > thisYear ? 1900 : 2000);
}

/** A date next to an age it agrees with is the person's date of birth: "52 years old, 14/07/1974". */
function agreesWithAge(date: string, around: string): boolean {
  const age = AGE.exec(around);
  if (!age) return false;
  const thisYear = new Date().getUTCFullYear();
  const year = yearOf(date, thisYear);
  const years = Number(age[1] ?? age[2]);
  return year !== undefined && (thisYear - year === years || thisYear - year - 1 === years);
}

/** A date counts as a date of birth only when the words around it say so, or an age beside it matches. */
export function findDatesOfBirth(text: string): Finding[] {
  const folded = fold(text);
  const findings: Finding[] = [];
  for (const match of matchesOf(DATE, folded)) {
    const end = match.index + match[0].length;
    const before = folded.slice(Math.max(0, match.index - 45), match.index);
    const after = folded.slice(end, end + 30);
    if (
      BIRTH_CONTEXT.test(before) ||
      BIRTH_CONTEXT_AFTER.test(after) ||
      BORN_IN_PLACE.test(before) ||
      agreesWithAge(match[0], `${before} ${after}`)
    ) {
      findings.push({ category: 'dob', start: match.index, end });
    }
  }
  return findings;
}
