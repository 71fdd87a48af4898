/**
 * Precision and recall of the bot's intent matcher per global intent, and
 * overall accuracy (no intent counts as a label), on the labelled corpus the
 * lexicon was tuned on (corpus.jsonl) and on a held-out set written before the
 * matcher and never tuned on (holdout.jsonl) — the honest figure — plus
 * throughput on one core. Prints figures; asserts nothing.
 *
 *   npx ts-node-transpile-only scripts/bot/evaluate-intents.ts [file.jsonl] [--misses]
 */
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { GLOBAL_INTENTS, GLOBAL_INTENT_NAMES, IntentMatcher } from '../../apps/bot-engine/src/intents';

interface Labelled {
  text: string;
  lang: string;
  intent: string | null;
}

const INTENTS_DIR = join(__dirname, '../../apps/bot-engine/src/intents');

function load(file: string): Labelled[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
}

const ratio = (numerator: number, denominator: number) => (denominator ? numerator / denominator : 1);
const format = (value: number) => value.toFixed(3).padStart(9);

function evaluate(title: string, corpus: Labelled[], matcher: IntentMatcher): { lines: string[]; misses: string[] } {
  const counts: Record<string, { tp: number; fp: number; fn: number }> = Object.fromEntries(
    GLOBAL_INTENT_NAMES.map((intent) => [intent, { tp: 0, fp: 0, fn: 0 }]),
  );
  const misses: string[] = [];
  let correct = 0;
  for (const item of corpus) {
    const match = matcher.match(item.text);
    const got = match?.intent ?? null;
    if (got === item.intent) {
      correct++;
      if (got) counts[got].tp++;
      continue;
    }
    if (got) counts[got].fp++;
    if (item.intent) counts[item.intent].fn++;
    misses.push(
      `  expected ${item.intent ?? 'none'}, got ${got ?? 'none'} (${match?.confidence ?? '-'}): ${item.text}`,
    );
  }
  const negatives = corpus.filter((item) => !item.intent).length;
  const languages = [...new Set(corpus.map((item) => item.lang))].join(', ');
  const lines = [
    `${title}: ${corpus.length} labelled messages (${languages}; ${negatives} with no intent)`,
    'intent       precision  recall  (true+ / false+ / missed)',
  ];
  for (const [intent, count] of Object.entries(counts)) {
    const precision = format(ratio(count.tp, count.tp + count.fp));
    const recall = format(ratio(count.tp, count.tp + count.fn))
      .trim()
      .padStart(6);
    lines.push(`${intent.padEnd(12)} ${precision}  ${recall}  (${count.tp} / ${count.fp} / ${count.fn})`);
  }
  const falseAlarms = corpus.filter((item) => !item.intent && matcher.match(item.text)).length;
  lines.push(
    `accuracy ${ratio(correct, corpus.length).toFixed(3)} (${correct}/${corpus.length}); ` +
      `false intents on negatives: ${falseAlarms}/${negatives}`,
    '',
  );
  return { lines, misses };
}

/** Matches per second and p99 latency of one match, single-threaded, over the texts repeated. */
function throughput(texts: string[], matcher: IntentMatcher): string {
  for (const text of texts) matcher.match(text);
  const durations: number[] = [];
  const started = performance.now();
  while (performance.now() - started < 2_000) {
    for (const text of texts) {
      const before = performance.now();
      matcher.match(text);
      durations.push(performance.now() - before);
    }
  }
  const elapsed = durations.reduce((sum, value) => sum + value, 0);
  durations.sort((a, b) => a - b);
  const p99 = durations[Math.floor(durations.length * 0.99)] * 1_000;
  const perSecond = Math.round(durations.length / (elapsed / 1_000));
  return `throughput: ${perSecond} matches/s on one core over ${durations.length} matches; p99 ${p99.toFixed(0)} µs per match`;
}

const args = process.argv.slice(2);
const files = args.filter((arg) => !arg.startsWith('--'));
const targets = files.length
  ? files.map((file) => resolve(file))
  : ['corpus.jsonl', 'holdout.jsonl'].map((file) => join(INTENTS_DIR, file));

const built = performance.now();
const matcher = new IntentMatcher(GLOBAL_INTENTS);
const buildMs = performance.now() - built;

const lines: string[] = [];
let allTexts: string[] = [];
for (const file of targets) {
  const corpus = load(file);
  allTexts = allTexts.concat(corpus.map((item) => item.text));
  const result = evaluate(basename(file), corpus, matcher);
  lines.push(...result.lines);
  if (args.includes('--misses')) lines.push('misses:', ...result.misses, '');
}
lines.push(`matcher built in ${buildMs.toFixed(1)} ms`, throughput(allTexts, matcher));
process.stdout.write(`${lines.join('\n')}\n`);
