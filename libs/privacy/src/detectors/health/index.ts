import type { Finding } from '../../categories';
import { fold, tokenize, type Token } from '../../text';
import { DRUGS } from './drugs';
import { figurativeSpans } from './figurative';
import { Lexicon } from './lexicon';
import { MEDICAL_ENDINGS, NOT_MEDICAL, isBodyCompound } from './morphology';
import { ENGLISH } from './terms-en';
import { GERMAN } from './terms-de';
import { FRENCH } from './terms-fr';
import { SPANISH } from './terms-es';
import { PERSONAL_MARKERS, WORD_SETS } from './word-sets';

/**
 * Health information in English, German, French and Spanish: conditions,
 * symptoms, body part + pain, medications, doses, procedures, pregnancy,
 * mental health, disabilities, allergies, and first-person disclosures
 * ("my doctor said", "ich bin krank", "je suis enceinte", "me duele").
 * One lexicon for all languages, since a message's language is not known.
 */
const LISTS = [ENGLISH, GERMAN, FRENCH, SPANISH, DRUGS, MEDICAL_ENDINGS];
const LEXICON = new Lexicon(
  { strong: LISTS.flatMap((list) => list.strong), weak: LISTS.flatMap((list) => list.weak) },
  WORD_SETS,
  NOT_MEDICAL,
);

/** A dose: "20 mg", "0,5mg", "100 mcg", "75 µg". */
const DOSE =
  /(?<![\p{L}\p{N}])\d+(?:[.,]\d+)?\s?(?:mg|mcg|µg|milligrams?|milligramm|miligramos?|milligrammes?|micrograms?|microgrammes?|microgramos?)(?![\p{L}])/gu;

/** How many words either side a weak term looks for a personal word. */
const CONTEXT_WORDS = 8;

function hasPersonalContext(tokens: Token[], first: number, end: number): boolean {
  for (let i = Math.max(0, first - CONTEXT_WORDS); i < Math.min(tokens.length, end + CONTEXT_WORDS); i++) {
    if (PERSONAL_MARKERS.has(tokens[i].word)) return true;
  }
  return false;
}

export function findHealthInformation(text: string): Finding[] {
  const folded = fold(text);
  const tokens = tokenize(folded);
  const spans: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const hit of LEXICON.matchAt(tokens, i, folded, text)) {
      if (!hit.weak || hasPersonalContext(tokens, hit.first, hit.end)) {
        spans.push([tokens[hit.first].start, tokens[hit.end - 1].end]);
      }
    }
    if (isBodyCompound(tokens[i].word)) spans.push([tokens[i].start, tokens[i].end]);
  }
  DOSE.lastIndex = 0;
  for (let match = DOSE.exec(folded); match; match = DOSE.exec(folded)) {
    spans.push([match.index, match.index + match[0].length]);
  }
  if (spans.length === 0) return [];
  const figurative = figurativeSpans(folded);
  return spans
    .filter(([start, end]) => !figurative.some(([from, to]) => start < to && from < end))
    .map(([start, end]) => ({ category: 'health' as const, start, end }));
}
