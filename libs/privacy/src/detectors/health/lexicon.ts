import type { Token } from '../../text';

/**
 * A term list compiled for matching word by word: each message word costs a
 * few hash look-ups, however many thousand terms there are, and nothing can
 * backtrack. Term syntax (folded: lower case, no accents):
 * - `diabet*` any word starting with "diabet"; `*schmerzen` any longer word ending with it (compounds);
 * - `{body_en}` any word of a named set; `#` a number; `…` up to three words of anything;
 * - `^aids` the first word must be written with two capitals or more (acronyms: AIDS, not "hearing aids");
 * - apostrophes and hyphens separate words, as in messages: "crise d'asthme" = crise d asthme.
 */
type Part =
  | { kind: 'word' | 'prefix' | 'suffix'; value: string }
  | { kind: 'slot'; values: ReadonlySet<string> }
  | { kind: 'number' | 'gap' };

interface Term {
  parts: Part[];
  weak: boolean;
  acronym: boolean;
}

/** A term found: the words it spans (end exclusive) and whether it needs a personal context to count. */
export interface LexiconHit {
  first: number;
  end: number;
  weak: boolean;
}

/** Between two words of a term: up to three spaces, hyphens or apostrophes, not a comma or a full stop. */
function isJoined(folded: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 3) return false;
  for (let c = from; c < to; c++) {
    const char = folded[c];
    if (
      char !== ' ' &&
      char !== '-' &&
      char !== "'" &&
      char !== '’' &&
      char !== '‘' &&
      char !== '\n' &&
      char !== '\t'
    ) {
      return false;
    }
  }
  return true;
}
const SENTENCE_END = /[.!?;:\n]/;
const MAX_GAP = 3;
/** Ending looked past when a word does not match a suffix as written (statine, statina → statin): -e -a -o -s -es -as -os -en. */
function inflectionLength(word: string): number {
  const last = word[word.length - 1];
  const before = word[word.length - 2];
  if ((last === 's' && (before === 'e' || before === 'a' || before === 'o')) || (last === 'n' && before === 'e'))
    return 2;
  return last === 'e' || last === 'a' || last === 'o' || last === 's' ? 1 : 0;
}

/** A character trie: prefixes are walked from a word's start, suffixes from its end (stored reversed). */
interface TrieNode {
  /** Children by character code (folded words are mostly ASCII, so an array look-up is the common case). */
  next: (TrieNode | undefined)[];
  terms: Term[];
}

const newNode = (): TrieNode => ({ next: [], terms: [] });

export class Lexicon {
  private readonly exact = new Map<string, Term[]>();
  private readonly prefixes = newNode();
  private readonly suffixes = newNode();

  constructor(
    lists: { strong: string[]; weak: string[] },
    private readonly slots: Record<string, ReadonlySet<string>>,
    /** Words that never match a prefix or suffix term ("nostalgia" is not an -algia). */
    private readonly excluded: ReadonlySet<string>,
  ) {
    for (const source of lists.strong) this.add(source, false);
    for (const source of lists.weak) this.add(source, true);
  }

  /** Every term that starts at word `i`, with the longest match of each. */
  matchAt(tokens: Token[], i: number, folded: string, original: string): LexiconHit[] {
    const word = tokens[i].word;
    const hits: LexiconHit[] = [];
    this.tryTerms(this.exact.get(word), tokens, i, folded, original, hits);
    if (this.excluded.has(word)) return hits;
    // Prefix terms: walk the word from its start.
    let node: TrieNode | undefined = this.prefixes;
    for (let c = 0; c < word.length && node; c++) {
      node = node.next[word.charCodeAt(c)];
      if (node?.terms.length) this.tryTerms(node.terms, tokens, i, folded, original, hits);
    }
    // Suffix terms: walk from the end, as written and past an inflection (statine, statina → statin).
    const inflection = inflectionLength(word);
    for (const cut of inflection ? [0, inflection] : [0]) {
      node = this.suffixes;
      const last = word.length - 1 - cut;
      // At least two letters before the suffix: "*schmerzen" is a compound, not "Schmerzen" itself.
      for (let c = last; c >= 2 && node; c--) {
        node = node.next[word.charCodeAt(c)];
        if (node?.terms.length) this.tryTerms(node.terms, tokens, i, folded, original, hits);
      }
    }
    return hits;
  }

  private tryTerms(
    terms: Term[] | undefined,
    tokens: Token[],
    i: number,
    folded: string,
    original: string,
    hits: LexiconHit[],
  ): void {
    for (const term of terms ?? []) {
      if (term.acronym && !isAcronym(original.slice(tokens[i].start, tokens[i].end))) continue;
      const end = this.matchRest(term.parts, 1, tokens, i + 1, folded);
      if (end > 0) hits.push({ first: i, end, weak: term.weak });
    }
  }

  private add(source: string, weak: boolean): void {
    const acronym = source.startsWith('^');
    const parts = source
      .replace(/^\^/, '')
      .replace(/['’\-/]/g, ' ')
      .split(/\s+/)
      .filter(Boolean)
      .map((text) => this.parsePart(text));
    const term: Term = { parts, weak, acronym };
    const first = parts[0];
    if (first.kind === 'word') push(this.exact, first.value, term);
    else if (first.kind === 'prefix') insert(this.prefixes, first.value, term);
    else if (first.kind === 'suffix') insert(this.suffixes, [...first.value].reverse().join(''), term);
    else if (first.kind === 'slot') for (const value of first.values) push(this.exact, value, term);
    else throw new Error(`A term cannot start with a gap or a number: ${source}`);
  }

  private parsePart(text: string): Part {
    if (text === '…') return { kind: 'gap' };
    if (text === '#') return { kind: 'number' };
    const slot = /^\{(\w+)\}$/.exec(text);
    if (slot) {
      const values = this.slots[slot[1]];
      if (!values) throw new Error(`Unknown word set {${slot[1]}}`);
      return { kind: 'slot', values };
    }
    if (text.endsWith('*')) return { kind: 'prefix', value: text.slice(0, -1) };
    if (text.startsWith('*')) return { kind: 'suffix', value: text.slice(1) };
    return { kind: 'word', value: text };
  }

  /** The word index after the last part, or -1; parts[p..] must match from word i on. */
  private matchRest(parts: Part[], p: number, tokens: Token[], i: number, folded: string): number {
    if (p === parts.length) return i;
    const part = parts[p];
    if (part.kind === 'gap') {
      for (let skip = 0; skip <= MAX_GAP && i + skip < tokens.length; skip++) {
        // The skipped words stay within the sentence.
        if (skip > 0 && SENTENCE_END.test(folded.slice(tokens[i - 1].end, tokens[i + skip].start))) break;
        const end = this.matchRest(parts, p + 1, tokens, i + skip, folded);
        if (end > 0) return end;
      }
      return -1;
    }
    if (i >= tokens.length || !this.partMatches(part, tokens[i].word)) return -1;
    return isJoined(folded, tokens[i - 1].end, tokens[i].start)
      ? this.matchRest(parts, p + 1, tokens, i + 1, folded)
      : -1;
  }

  private partMatches(part: Part, word: string): boolean {
    switch (part.kind) {
      case 'word':
        return word === part.value;
      case 'prefix':
        return word.startsWith(part.value) && !this.excluded.has(word);
      case 'suffix':
        return word.length >= part.value.length + 2 && word.endsWith(part.value) && !this.excluded.has(word);
      case 'slot':
        return part.values.has(word);
      case 'number':
        return /^\d+$/.test(word);
      default:
        return false;
    }
  }
}

function push(map: Map<string, Term[]>, key: string, term: Term): void {
  const terms = map.get(key);
  if (terms) terms.push(term);
  else map.set(key, [term]);
}

function insert(root: TrieNode, key: string, term: Term): void {
  let node = root;
  for (let c = 0; c < key.length; c++) {
    const code = key.charCodeAt(c);
    let next = node.next[code];
    if (!next) node.next[code] = next = newNode();
    node = next;
  }
  node.terms.push(term);
}

/** AIDS, PrEP, COPD: two capitals or more. */
function isAcronym(original: string): boolean {
  let capitals = 0;
  for (const char of original) if (char !== char.toLowerCase()) capitals++;
  return capitals >= 2;
}
