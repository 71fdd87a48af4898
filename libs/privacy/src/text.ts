/**
 * Lower-case and strip accents character by character, keeping every offset
 * where it was: keyword and lexicon matches in the folded text point at the
 * same places in the original.
 */
export function fold(text: string): string {
  let folded = '';
  for (const char of text) {
    const base = char.normalize('NFD')[0].toLowerCase();
    // Keep the original length (surrogate pairs stay two units).
    folded += char.length === 1 ? (base.length === 1 ? base : char) : char;
  }
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
