let lastText = '';
let lastFolded = '';

/**
 * Lower-case and strip accents character by character, keeping every offset
 * where it was: keyword and lexicon matches in the folded text point at the
 * same places in the original. Several detectors fold the same message, so
 * the last result is kept.
 */
export function fold(text: string): string {
  if (text === lastText) return lastFolded;
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      folded += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i];
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // Surrogate pairs stay as they are (two units).
      folded += text.slice(i, i + 2);
      i++;
    } else {
      const char = text[i];
      const base = char.normalize('NFD')[0].toLowerCase();
      folded += base.length === 1 ? base : char;
    }
  }
  lastText = text;
  lastFolded = folded;
  return folded;
}

/** All matches of a global regular expression, as [start, end, match]. */
export function* matchesOf(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  global.lastIndex = 0;
  for (let match = global.exec(text); match; match = global.exec(text)) {
    yield match;
    if (match[0].length === 0) global.lastIndex++;
  }
}

/** A word of a folded text and where it is. */
export interface Token {
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words (runs of letters and digits) of a folded text: "j'ai mal à la tête" → j, ai, mal, a, la, tete. */
export function tokenize(folded: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(folded); match; match = WORD.exec(folded)) {
    tokens.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/**
 * A comma- or line-separated word list written as a template string (keeps
 * long lexicons compact). A line starting with `#` is a comment, commas and all.
 */
export function wordList(source: string): string[] {
  return source
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .flatMap((line) => line.split(','))
    .map((term) => term.trim())
    .filter(Boolean);
}
