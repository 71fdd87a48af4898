/**
 * Which of the four languages a message is written in, to reply in it. Short
 * messages are scored on the lexicon's words (function words decide most of
 * it) plus letters only one language uses; a tie means "don't know".
 */
import { INTENT_LANGUAGES, type IntentLanguage } from './language-codes';
import { normalise, tokenise } from './normalise';
import { LANGUAGE_WORDS } from './vocabulary';

const LETTER_HINTS: ReadonlyArray<readonly [RegExp, IntentLanguage]> = [
  [/[äöüß]/g, 'de'],
  [/[çèêëàâîïôûùœ]/g, 'fr'],
  [/[ñ¿¡áíóú]/g, 'es'],
];

/** Extra function words too common to leave out and too vague to be in the intent lexicon. */
const FUNCTION_WORDS: Record<IntentLanguage, ReadonlySet<string>> = {
  en: new Set('what is are was were be the you your it this that of and to for with can how do not'.split(' ')),
  de: new Set('ich ist nicht und das die der wie was ein eine mit fur sie kann wir bitte auch'.split(' ')),
  fr: new Set('je est pas et le la les des une un vous pour avec que qui ce sont pouvez votre'.split(' ')),
  es: new Set('es el la los las que y una un con para por mi mis no como esta puedo quiero'.split(' ')),
};

export function detectLanguage(text: string): IntentLanguage | null {
  const scores = new Map<IntentLanguage, number>(INTENT_LANGUAGES.map((language) => [language, 0]));
  const lower = text.toLowerCase();
  for (const [pattern, language] of LETTER_HINTS) {
    scores.set(language, scores.get(language)! + 2 * (lower.match(pattern)?.length ?? 0));
  }
  for (const word of tokenise(normalise(text))) {
    for (const language of INTENT_LANGUAGES) {
      if (LANGUAGE_WORDS[language].has(word) || FUNCTION_WORDS[language].has(word)) {
        scores.set(language, scores.get(language)! + 1);
      }
    }
  }
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  return ranked[0][1] > ranked[1][1] ? ranked[0][0] : null;
}
