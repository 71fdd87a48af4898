import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GLOBAL_INTENTS, GLOBAL_INTENT_NAMES, IntentMatcher } from '.';

interface Labelled {
  text: string;
  lang: string;
  intent: string | null;
}

const load = (file: string): Labelled[] =>
  readFileSync(join(__dirname, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));

/**
 * The labelled corpus the lexicon was tuned on (scripts/bot/evaluate-intents.ts
 * prints the per-intent table, and the held-out figures, which are not asserted
 * here: they are measured, never tuned for).
 */
describe('intent corpus', () => {
  const corpus = load('corpus.jsonl');
  const matcher = new IntentMatcher(GLOBAL_INTENTS);
  const results = corpus.map((item) => ({ ...item, got: matcher.match(item.text)?.intent ?? null }));

  it('covers every intent in every language, with hard negatives', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(320);
    expect(corpus.filter((item) => item.intent === null).length).toBeGreaterThanOrEqual(100);
    for (const intent of GLOBAL_INTENT_NAMES) {
      for (const lang of ['en', 'de', 'fr', 'es']) {
        expect(corpus.filter((item) => item.intent === intent && item.lang === lang).length).toBeGreaterThanOrEqual(10);
      }
    }
  });

  it('is labelled correctly at 0.99 or better, with no false intent on the negatives', () => {
    const accuracy = results.filter(({ intent, got }) => intent === got).length / results.length;
    expect(accuracy).toBeGreaterThanOrEqual(0.99);
    expect(results.filter(({ intent, got }) => intent === null && got !== null)).toEqual([]);
  });

  it.each(GLOBAL_INTENT_NAMES)('keeps precision and recall of %s at 0.97 or better', (intent) => {
    const truePositives = results.filter((item) => item.intent === intent && item.got === intent).length;
    const predicted = results.filter((item) => item.got === intent).length;
    const actual = results.filter((item) => item.intent === intent).length;
    expect(truePositives / predicted).toBeGreaterThanOrEqual(0.97);
    expect(truePositives / actual).toBeGreaterThanOrEqual(0.97);
  });
});
