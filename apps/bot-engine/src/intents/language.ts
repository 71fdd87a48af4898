/**
 * Which of the four languages a message is written in, to reply in it. Words
 * of the lexicon and common function words vote (function words decide most
 * short messages), letters only one language uses weigh double; a tie means
 * "don't know".
 */
import { INTENT_LANGUAGES, type IntentLanguage } from './language-codes';
import { normalise, tokenise } from './normalise';
import { languageWords } from './vocabulary';

const LETTER_HINTS: ReadonlyArray<readonly [RegExp, IntentLanguage]> = [
  [/[äöüß]/g, 'de'],
  [/[çèêëàâîïôûùœ]/g, 'fr'],
  [/[ñ¿¡áíóú]/g, 'es'],
];

/** Function words too common and too vague for the intent lexicon. */
const FUNCTION_WORDS: Record<IntentLanguage, string> = {
  en: 'what is are was were be the you your it this that of and to for with can how do not',
  de: 'ich ist nicht und das die der wie was ein eine mit fur sie kann wir bitte auch',
  fr: 'je est pas et le la les des une un vous pour avec que qui ce sont pouvez votre',
  es: 'es el la los las que y una un con para por mi mis no como esta puedo quiero',
};

const VOTERS = INTENT_LANGUAGES.map((language) => ({
  language,
  words: new Set([...languageWords(language), ...FUNCTION_WORDS[language].split(' ')]),
}));

export function detectLanguage(text: string): IntentLanguage | null {
  const lower = text.toLowerCase();
  const words = tokenise(normalise(text));
  const ranked = VOTERS.map(({ language, words: known }) => {
    const letters = LETTER_HINTS.filter(([, hinted]) => hinted === language).reduce(
      (sum, [pattern]) => sum + (lower.match(pattern)?.length ?? 0),
      0,
    );
    return { language, score: 2 * letters + words.filter((word) => known.has(word)).length };
  }).sort((a, b) => b.score - a.score);
  return ranked[0].score > ranked[1].score ? ranked[0].language : null;
}
