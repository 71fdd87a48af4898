/**
 * The lexicon compiled once into lookups: which concepts a word carries,
 * which words to ignore, and the fixed expressions to rewrite first.
 */
import { CONCEPTS, COLLOCATIONS, COMPOUND_WORDS, DECOYS, PREFIX_STEMS, STOPWORDS } from './lexicon';
import { INTENT_LANGUAGES, type IntentLanguage } from './language-codes';

const words = (list: string | undefined): string[] => (list ? list.split(/\s+/).filter(Boolean) : []);

/** A term is a concept (`#human`) or, for words outside the lexicon, the word itself. */
const conceptTerm = (concept: string): string => `#${concept}`;

const WORD_TERMS = new Map<string, string[]>();
for (const [concept, { words: byLanguage }] of Object.entries(CONCEPTS)) {
  for (const language of INTENT_LANGUAGES) {
    for (const word of words(byLanguage[language])) {
      const terms = WORD_TERMS.get(word) ?? [];
      if (!terms.includes(conceptTerm(concept))) terms.push(conceptTerm(concept));
      WORD_TERMS.set(word, terms);
    }
  }
}
// Compound words override their entry in the concept lists (which still serve language detection).
for (const [word, concepts] of Object.entries(COMPOUND_WORDS)) WORD_TERMS.set(word, concepts.map(conceptTerm));

// A word that is both a stopword somewhere and a concept word elsewhere ("es", "am") keeps its concept.
const STOPWORD_SET = new Set(
  INTENT_LANGUAGES.flatMap((language) => words(STOPWORDS[language])).filter((word) => !WORD_TERMS.has(word)),
);
// Collocation replacements ("hr", "busstop") are known words too, so they are never "corrected" into intent words.
const DECOY_SET = new Set(
  [
    ...INTENT_LANGUAGES.flatMap((language) => words(DECOYS[language])),
    ...COLLOCATIONS.map(([, replacement]) => replacement),
  ].filter((word) => !WORD_TERMS.has(word) && !STOPWORD_SET.has(word)),
);

/** Weight of a term in a phrase; words outside the lexicon weigh 1. */
export function termWeight(term: string): number {
  return term.startsWith('#') ? CONCEPTS[term.slice(1)].weight : 1;
}

/** Whether a term is polite filler that never counts as unrelated text. */
export function isNeutral(term: string): boolean {
  return term.startsWith('#') && CONCEPTS[term.slice(1)].neutral === true;
}

export type WordResolution = { kind: 'stop' } | { kind: 'terms'; terms: string[] } | { kind: 'unknown' };

/** What the lexicon knows about a normalised word, without typo correction. */
export function lookUpWord(word: string): WordResolution {
  const terms = WORD_TERMS.get(word);
  if (terms) return { kind: 'terms', terms };
  if (STOPWORD_SET.has(word)) return { kind: 'stop' };
  if (DECOY_SET.has(word)) return { kind: 'terms', terms: [word] };
  const stem = PREFIX_STEMS.find(([prefix]) => word.startsWith(prefix));
  return stem ? { kind: 'terms', terms: [conceptTerm(stem[1])] } : { kind: 'unknown' };
}

/** Every word the lexicon knows: the vocabulary typos are corrected towards. */
export const LEXICON_WORDS: readonly string[] = [...WORD_TERMS.keys(), ...DECOY_SET];

/** Words of each language (concepts and stopwords), for language detection. */
export function languageWords(language: IntentLanguage): ReadonlySet<string> {
  return new Set([
    ...Object.values(CONCEPTS).flatMap((concept) => words(concept.words[language])),
    ...words(STOPWORDS[language]),
  ]);
}

const COLLOCATIONS_BY_FIRST_WORD = new Map<string, { words: string[]; replacement: string }[]>();
for (const [expression, replacement] of COLLOCATIONS) {
  const parts = expression.split(' ');
  const list = COLLOCATIONS_BY_FIRST_WORD.get(parts[0]) ?? [];
  list.push({ words: parts, replacement });
  list.sort((a, b) => b.words.length - a.words.length);
  COLLOCATIONS_BY_FIRST_WORD.set(parts[0], list);
}

/** Rewrites fixed expressions ("human resources" → "hr"), longest first, left to right. */
export function rewriteCollocations(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length;) {
    const found = COLLOCATIONS_BY_FIRST_WORD.get(tokens[i])?.find(({ words: parts }) =>
      parts.every((part, offset) => tokens[i + offset] === part),
    );
    out.push(found ? found.replacement : tokens[i]);
    i += found ? found.words.length : 1;
  }
  return out;
}
