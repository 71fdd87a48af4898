/**
 * Folds case, accents and compatibility forms so that "Émilie", "EMILIE" and "émilie" compare equal;
 * 'ß' becomes 'ss' because NFKD leaves it alone.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss');
}

/** Folded words; camelCase is split first so "SarahBot" reads as "sarah bot". */
export function foldedWords(text: string): string[] {
  const spaced = text.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
  return fold(spaced)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}
