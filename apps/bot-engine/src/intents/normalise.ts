/**
 * Text normalisation shared by the phrase compiler and the message matcher:
 * both sides must agree byte for byte, so accents typed or not, case and
 * punctuation never decide a match.
 */

/** Lowercase, decomposed, diacritics stripped; `n't` expanded so negation survives tokenisation. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/\b(can|won)['’]t\b/g, (_, verb: string) => `${verb === 'won' ? 'will' : 'can'} not`)
    .replace(/n['’]t\b/g, ' not');
}

/** Words of a normalised string: letters and digits; apostrophes and hyphens split ("m'envoyer", "êtes-vous"). */
export function tokenise(normalised: string): string[] {
  return normalised.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Sentences of a message, each as its words. An intent phrase must sit within
 * one sentence, so "Are you a bot? If so I want a human." is two separate
 * pieces of evidence rather than one muddle.
 */
export function clauses(text: string): string[][] {
  return pausedClauses(text).map((words) => words.filter((word) => word !== ','));
}

/** Like `clauses`, with a ',' token where a comma or a spaced dash pauses the sentence (negation stops there). */
export function pausedClauses(text: string): string[][] {
  return normalise(text)
    .split(/[.!?;:\n\r¡¿]+/)
    .map((sentence) => sentence.replace(/,|\s[-–—]+\s|[–—]/g, ' , ').match(/[\p{L}\p{N}]+|,/gu) ?? [])
    .filter((words) => words.some((word) => word !== ','));
}
