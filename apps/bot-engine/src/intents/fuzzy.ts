/**
 * Typo tolerance: bounded Damerau-Levenshtein (optimal string alignment)
 * looked up through a deletion index (the SymSpell idea), so correcting a word
 * costs a few hash lookups instead of a scan of the vocabulary.
 */

/** The most edits `allowedEdits` ever allows. */
const MAX_EDITS = 2;

/** Edits allowed between a typed word and a vocabulary word: none for tiny words, two only for long ones. */
export function allowedEdits(typedLength: number, wordLength: number): number {
  const longest = Math.max(typedLength, wordLength);
  if (typedLength < 3 || longest < 4) return 0;
  return longest >= 8 ? MAX_EDITS : 1;
}

/** Optimal-string-alignment distance, or `max + 1` as soon as it must exceed `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, previousPrevious[j - 2] + 1);
      }
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > max) return max + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length];
}

/** Every string reachable from `word` by deleting up to `depth` characters (the word itself included). */
function deletions(word: string, depth: number): Set<string> {
  const found = new Set([word]);
  let frontier = [word];
  for (let level = 0; level < depth; level++) {
    const next: string[] = [];
    for (const item of frontier) {
      for (let i = 0; i < item.length; i++) {
        const shorter = item.slice(0, i) + item.slice(i + 1);
        if (!found.has(shorter)) {
          found.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return found;
}

export interface Correction {
  word: string;
  distance: number;
}

/** A vocabulary that answers "which known word did the visitor mean to type?". */
export class FuzzyIndex {
  private readonly byDeletion = new Map<string, string[]>();
  /** Longest indexed word: a typed word more than two letters longer cannot be within two edits of any. */
  private longestWord = 0;

  constructor(words: Iterable<string>) {
    for (const word of new Set(words)) {
      this.longestWord = Math.max(this.longestWord, word.length);
      for (const variant of deletions(word, allowedEdits(word.length, word.length))) {
        const bucket = this.byDeletion.get(variant);
        if (bucket) bucket.push(word);
        else this.byDeletion.set(variant, [word]);
      }
    }
  }

  /** The closest vocabulary word within the allowed edits, or null. Ties keep the first indexed word. */
  correct(typed: string): Correction | null {
    // Deletions of a word grow with the square of its length: a long word (hostile or not) costs nothing instead.
    if (typed.length > this.longestWord + MAX_EDITS) return null;
    const depth = allowedEdits(typed.length, typed.length + 1);
    if (depth === 0) return null;
    let best: Correction | null = null;
    for (const variant of deletions(typed, depth)) {
      for (const word of this.byDeletion.get(variant) ?? []) {
        const max = allowedEdits(typed.length, word.length);
        const distance = boundedDistance(typed, word, max);
        if (distance <= max && (!best || distance < best.distance)) best = { word, distance };
      }
    }
    return best;
  }
}
