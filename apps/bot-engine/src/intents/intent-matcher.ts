/**
 * Matches a visitor message against intents defined by example phrases.
 *
 * Phrases and messages go through the same pipeline (normalise, split into
 * sentences, rewrite fixed expressions, map words onto lexicon concepts), so a
 * phrase matches its synonyms and translations. A phrase scores on one
 * sentence of the message as
 *
 *   coverage × order × focus
 *
 * - coverage: the weighted share of the phrase's terms found (typo-corrected
 *   words count a little less);
 * - order: a mild penalty when found terms appear out of order (word order
 *   differs across languages, so it only nudges);
 * - focus: E / (E + λ·U), where E is the evidence found and U the unrelated
 *   words next to it. A lone keyword inside a long sentence has little
 *   evidence and much around it; a full request has enough evidence to
 *   survive a greeting or a preamble.
 *
 * Words under a negation ("don't delete my data") are invisible to phrases
 * that carry no negation themselves (see negation.ts).
 */
import { FuzzyIndex } from './fuzzy';
import { type IntentLanguage } from './language-codes';
import { detectLanguage } from './language';
import { PAUSE, negatedTokens } from './negation';
import { normalise, pausedClauses, tokenise } from './normalise';
import { LEXICON_WORDS, isNeutral, lookUpWord, rewriteCollocations, termWeight } from './vocabulary';

export interface IntentDefinition {
  name: string;
  phrases: Partial<Record<IntentLanguage, string[]>>;
}

export interface IntentMatch {
  intent: string;
  confidence: number;
  language: IntentLanguage | null;
}

/**
 * 0.75: a phrase must be found nearly whole — all its core words, at most a
 * glue word missing or a couple of typos — and stand out from what surrounds
 * it. Below it the matcher returns null and the bot rephrases, then offers a
 * human; a wrong "forget me" or "unsubscribe" costs more than a rephrase.
 */
export const DEFAULT_INTENT_THRESHOLD = 0.75;

/** Words of unrelated text either side of a match that count against it. */
const FOCUS_WINDOW = 3;
/** How much one unit of unrelated text weighs against one unit of evidence. */
const FOCUS_PENALTY = 0.3;
/** A one-word phrase ("stop", "agent") stands for a one-word message: unrelated words next to it weigh fully. */
const FOCUS_PENALTY_ONE_WORD = 1;
/** Match quality of a word corrected by one or two edits. */
const TYPO_QUALITY = [1, 0.9, 0.75];
/** The widget's message limit; longer input is cut rather than allowed to cost unbounded CPU. */
const MAX_MESSAGE_CHARS = 4_000;
/**
 * Typo corrections one message may ask for (each costs tens of microseconds); the words beyond are taken
 * as typed. Typos matter in short messages; a wall of distinct made-up words must not buy CPU.
 */
export const MAX_CORRECTIONS_PER_MESSAGE = 48;
/** Scores this close are a tie, broken by definition order (earlier definitions win). */
const TIE = 0.005;
const NEGATION_TERM = '#not';

interface PhraseTerm {
  term: string;
  weight: number;
}

interface CompiledPhrase {
  intent: number;
  language: IntentLanguage;
  terms: PhraseTerm[];
  /** Carries a negation itself ("no more messages"), so it reads negated words too. */
  negative: boolean;
  totalWeight: number;
}

/** One content word of a message sentence: the terms it may stand for, with their match quality. */
interface Slot {
  terms: Map<string, number>;
  /** How much this word counts as unrelated text when no phrase term uses it. */
  weight: number;
}

interface CorrectionBudget {
  remaining: number;
}

interface ResolvedWord {
  terms: string[];
  quality: number;
}

export class IntentMatcher {
  private readonly names: string[];
  private readonly phrases: CompiledPhrase[] = [];
  private readonly phrasesByTerm = new Map<string, number[]>();
  private readonly fuzzy: FuzzyIndex;
  private readonly phraseWords = new Set<string>();
  private readonly resolved = new Map<string, ResolvedWord | null>();
  private readonly threshold: number;

  constructor(definitions: readonly IntentDefinition[], options: { threshold?: number } = {}) {
    this.threshold = options.threshold ?? DEFAULT_INTENT_THRESHOLD;
    this.names = definitions.map((definition) => definition.name);
    definitions.forEach((definition, intent) => {
      for (const [language, phrases] of Object.entries(definition.phrases) as [IntentLanguage, string[]][]) {
        for (const phrase of phrases) this.compile(intent, language, phrase);
      }
    });
    this.fuzzy = new FuzzyIndex([...LEXICON_WORDS, ...this.phraseWords]);
  }

  /** Best intent above the threshold, or null. */
  match(text: string): IntentMatch | null {
    const scores = new Map<number, { score: number; language: IntentLanguage }>();
    const corrections = { remaining: MAX_CORRECTIONS_PER_MESSAGE };
    for (const words of pausedClauses(text.slice(0, MAX_MESSAGE_CHARS))) {
      const tokens = rewriteCollocations(words);
      const negated = negatedTokens(tokens);
      const slots: Slot[] = [];
      const affirmed: Slot[] = [];
      tokens.forEach((token, i) => {
        const slot = token === PAUSE ? null : this.slotOf(token, corrections);
        if (!slot) return;
        slots.push(slot);
        if (!negated?.[i]) affirmed.push(slot);
      });
      // Phrases that carry a negation ("no more messages") read the whole sentence; the others only what is not negated.
      this.scoreSentence(affirmed, false, scores);
      this.scoreSentence(slots, true, scores);
    }
    const ranked = [...scores].filter(([, { score }]) => score >= this.threshold);
    if (!ranked.length) return null;
    const top = Math.max(...ranked.map(([, { score }]) => score));
    const [intent, best] = ranked.filter(([, { score }]) => score >= top - TIE).sort(([a], [b]) => a - b)[0];
    return {
      intent: this.names[intent],
      confidence: Math.min(1, Math.round(best.score * 1000) / 1000),
      language: detectLanguage(text) ?? best.language,
    };
  }

  private scoreSentence(
    slots: Slot[],
    negative: boolean,
    scores: Map<number, { score: number; language: IntentLanguage }>,
  ): void {
    const present = new Set<string>();
    for (const slot of slots) for (const term of slot.terms.keys()) present.add(term);
    // A phrase that denies something ("not a bot, a human") needs a denial in the message.
    if (negative && !present.has(NEGATION_TERM)) return;
    const candidates = new Set<number>();
    for (const term of present) for (const id of this.phrasesByTerm.get(term) ?? []) candidates.add(id);
    for (const id of candidates) {
      const phrase = this.phrases[id];
      if (phrase.negative !== negative) continue;
      // Cheap bound first: phrases whose terms are mostly absent cannot reach the threshold.
      const reachable = phrase.terms.reduce((sum, { term, weight }) => sum + (present.has(term) ? weight : 0), 0);
      if (reachable < this.threshold * phrase.totalWeight) continue;
      const score = scorePhrase(phrase, slots, this.threshold);
      if (score > (scores.get(phrase.intent)?.score ?? 0)) {
        scores.set(phrase.intent, { score, language: phrase.language });
      }
    }
  }

  private compile(intent: number, language: IntentLanguage, phrase: string): void {
    const terms: PhraseTerm[] = [];
    for (const word of rewriteCollocations(tokenise(normalise(phrase)))) {
      const known = lookUpWord(word);
      if (known.kind === 'stop') continue;
      if (known.kind === 'unknown') this.phraseWords.add(word);
      // A compound word ("olvídame") contributes each of its concepts.
      for (const term of known.kind === 'terms' ? known.terms : [word]) terms.push({ term, weight: termWeight(term) });
    }
    if (!terms.length) return;
    const id = this.phrases.length;
    const negative = terms.some(({ term }) => term === NEGATION_TERM);
    this.phrases.push({
      intent,
      language,
      terms,
      negative,
      totalWeight: terms.reduce((sum, { weight }) => sum + weight, 0),
    });
    for (const { term } of terms) {
      const ids = this.phrasesByTerm.get(term) ?? [];
      if (!ids.includes(id)) ids.push(id);
      this.phrasesByTerm.set(term, ids);
    }
  }

  private slotOf(word: string, corrections: CorrectionBudget): Slot | null {
    const resolved = this.resolve(word, corrections);
    if (!resolved) return null;
    const weights = resolved.terms.filter((term) => !isNeutral(term)).map(termWeight);
    return {
      terms: new Map(resolved.terms.map((term) => [term, resolved.quality])),
      weight: weights.length ? Math.max(...weights) : 0,
    };
  }

  /** Terms a message word stands for (null for a stopword), correcting typos towards known words; memoised. */
  private resolve(word: string, corrections: CorrectionBudget): ResolvedWord | null {
    const cached = this.resolved.get(word);
    if (cached !== undefined) return cached;
    let result: ResolvedWord | null;
    const known = lookUpWord(word);
    if (known.kind === 'stop') result = null;
    else if (known.kind === 'terms') result = { terms: known.terms, quality: 1 };
    else if (this.phraseWords.has(word)) result = { terms: [word], quality: 1 };
    // Out of budget: taken as typed, and not memoised, so a later message may still correct it.
    else if (corrections.remaining <= 0) return { terms: [word], quality: 1 };
    else {
      corrections.remaining -= 1;
      const correction = this.fuzzy.correct(word);
      const target = correction ? lookUpWord(correction.word) : null;
      result =
        correction && target
          ? {
              terms: target.kind === 'terms' ? target.terms : [correction.word],
              quality: TYPO_QUALITY[correction.distance],
            }
          : { terms: [word], quality: 1 };
    }
    // Bounded memo: visitors' vocabulary is open-ended.
    if (this.resolved.size > 50_000) this.resolved.clear();
    this.resolved.set(word, result);
    return result;
  }
}

/** Score of one phrase against one sentence (0 when it cannot reach the threshold). */
function scorePhrase(phrase: CompiledPhrase, slots: Slot[], threshold: number): number {
  // Matched slot per phrase term. A slot may serve several terms ("olvídame" is forget + me), but each term once.
  const positions: number[] = [];
  const matchedTerms: string[] = [];
  const isUsed = (slot: number, term: string) => positions.some((p, k) => p === slot && matchedTerms[k] === term);
  let evidence = 0;
  let last = -1;
  for (const { term, weight } of phrase.terms) {
    let bestPosition = -1;
    let bestRank = 0;
    let bestQuality = 0;
    // Best quality first; among equals, the first occurrence after the previous match, so repeats line up in order.
    for (let i = 0; i < slots.length; i++) {
      const quality = slots[i].terms.get(term);
      if (quality === undefined || isUsed(i, term)) continue;
      const rank = quality + (i > last ? 0.001 : 0);
      if (rank > bestRank) {
        bestPosition = i;
        bestRank = rank;
        bestQuality = quality;
      }
    }
    if (bestPosition < 0) continue;
    positions.push(bestPosition);
    matchedTerms.push(term);
    evidence += weight * bestQuality;
    last = bestPosition;
  }
  const coverage = evidence / phrase.totalWeight;
  if (coverage < threshold) return 0;

  let inversions = 0;
  for (let i = 0; i < positions.length; i++) {
    for (let j = i + 1; j < positions.length; j++) if (positions[i] > positions[j]) inversions++;
  }
  const pairs = (positions.length * (positions.length - 1)) / 2;
  const order = pairs ? 1 - 0.15 * (inversions / pairs) : 1;

  const from = Math.max(0, Math.min(...positions) - FOCUS_WINDOW);
  const to = Math.min(slots.length - 1, Math.max(...positions) + FOCUS_WINDOW);
  let unrelated = 0;
  for (let i = from; i <= to; i++) if (!positions.includes(i)) unrelated += slots[i].weight;
  const penalty = phrase.terms.length === 1 ? FOCUS_PENALTY_ONE_WORD : FOCUS_PENALTY;
  const focus = evidence / (evidence + penalty * unrelated);

  return coverage * order * focus;
}
