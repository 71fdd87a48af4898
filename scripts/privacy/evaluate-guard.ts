/**
 * Precision and recall of the sensitive-data guard per category
 * (`npm run guard:evaluate`), on the labelled corpus the detectors were tuned
 * on (libs/privacy/corpus/messages.jsonl) and on a held-out corpus written
 * without seeing them (holdout.jsonl) — the honest figure — plus throughput
 * on one core. Prints figures; asserts nothing. `--misses` lists the errors.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SENSITIVE_CATEGORIES, type SensitiveCategory, categoriesIn } from '../../libs/privacy/src';

interface LabelledMessage {
  id: string;
  lang: string;
  text: string;
  labels: SensitiveCategory[];
}

const CORPUS_DIR = join(__dirname, '../../libs/privacy/corpus');

function load(file: string): LabelledMessage[] {
  return readFileSync(join(CORPUS_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
}

const ratio = (numerator: number, denominator: number) => (denominator ? numerator / denominator : 1);
const format = (value: number) => value.toFixed(3).padStart(9);

/** The per-category table of one corpus, and the errors it made. */
function evaluate(title: string, corpus: LabelledMessage[]): { lines: string[]; misses: string[] } {
  const counts = new Map(SENSITIVE_CATEGORIES.map((category) => [category, { tp: 0, fp: 0, fn: 0 }]));
  const misses: string[] = [];
  for (const message of corpus) {
    const found = categoriesIn(message.text);
    for (const category of SENSITIVE_CATEGORIES) {
      const expected = message.labels.includes(category);
      const got = found.has(category);
      const count = counts.get(category)!;
      if (expected && got) count.tp++;
      else if (got) {
        count.fp++;
        misses.push(`false ${category}: ${message.id}: ${message.text}`);
      } else if (expected) {
        count.fn++;
        misses.push(`missed ${category}: ${message.id}: ${message.text}`);
      }
    }
  }
  const languages = [...new Set(corpus.map((message) => message.lang))].join(', ');
  const lines = [
    `${title}: ${corpus.length} labelled messages (${languages})`,
    'category    precision  recall  (true+ / false+ / missed)',
  ];
  const totals = { tp: 0, fp: 0, fn: 0 };
  for (const [category, count] of counts) {
    totals.tp += count.tp;
    totals.fp += count.fp;
    totals.fn += count.fn;
    lines.push(
      `${category.padEnd(11)} ${format(ratio(count.tp, count.tp + count.fp))}  ${format(
        ratio(count.tp, count.tp + count.fn),
      )
        .trim()
        .padStart(6)}  (${count.tp} / ${count.fp} / ${count.fn})`,
    );
  }
  lines.push(
    `${'all'.padEnd(11)} ${format(ratio(totals.tp, totals.tp + totals.fp))}  ${format(
      ratio(totals.tp, totals.tp + totals.fn),
    )
      .trim()
      .padStart(6)}`,
    '',
  );
  return { lines, misses };
}

const corpus = load('messages.jsonl');
const tuned = evaluate('Tuning corpus (the detectors were adjusted on it: in-sample)', corpus);
const lines = [...tuned.lines];
const misses = [...tuned.misses];
if (existsSync(join(CORPUS_DIR, 'holdout.jsonl'))) {
  const heldOut = evaluate('Held-out corpus (never used for tuning)', load('holdout.jsonl'));
  lines.push(...heldOut.lines);
  misses.push(...heldOut.misses);
}
lines.push('targets: recall >= 0.95 on identifiers and health information, precision >= 0.90');

// Throughput: every corpus message scanned repeatedly, timed one by one.
const durations: number[] = [];
const rounds = Math.max(1, Math.ceil(50_000 / corpus.length));
const started = process.hrtime.bigint();
for (let round = 0; round < rounds; round++) {
  for (const message of corpus) {
    const t0 = process.hrtime.bigint();
    categoriesIn(message.text);
    durations.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
durations.sort((a, b) => a - b);
lines.push(
  `throughput: ${Math.round(durations.length / seconds).toLocaleString('en')} messages/s on one core, ` +
    `p50 ${durations[Math.floor(durations.length * 0.5)].toFixed(3)} ms, p99 ${durations[Math.floor(durations.length * 0.99)].toFixed(3)} ms ` +
    '(targets: >= 20,000/s, p99 <= 1 ms)',
);
if (process.argv.includes('--misses')) lines.push('', ...misses);
process.stdout.write(`${lines.join('\n')}\n`);
