/**
 * Precision and recall of the sensitive-data guard per category
 * (`npm run guard:evaluate`), on the labelled corpus the detectors were tuned
 * on (libs/privacy/corpus/messages.jsonl, in-sample) and on the held-out
 * corpora written without seeing them (holdout.jsonl, holdout-2.jsonl, holdout-3.jsonl when
 * present) — the honest figures — plus throughput on one core. Prints
 * figures; asserts nothing.
 *
 * `--misses` lists the errors on the tuning corpus only: held-out errors are
 * never printed, so that nobody tunes on them. `--tuning-only` skips the
 * held-out corpora altogether (for iterating on the detectors).
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

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const CORPUS_DIR = join(__dirname, '../../libs/privacy/corpus');
const TUNING = 'messages.jsonl';
const HELD_OUT = ['holdout.jsonl', 'holdout-2.jsonl', 'holdout-3.jsonl'];

function load(file: string): LabelledMessage[] {
  return readFileSync(join(CORPUS_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
}

/** A ratio, or n/a when there is nothing to divide by (no positives labelled, nothing found). */
const ratio = (numerator: number, denominator: number) =>
  (denominator ? (numerator / denominator).toFixed(3) : 'n/a').padStart(9);

function row(name: string, count: Counts): string {
  return `${name.padEnd(11)} ${ratio(count.tp, count.tp + count.fp)} ${ratio(count.tp, count.tp + count.fn)}  (${
    count.tp
  } / ${count.fp} / ${count.fn})`;
}

/** The per-category table of one corpus, and (only if asked) the errors it made. */
function evaluate(
  title: string,
  corpus: LabelledMessage[],
  withMisses: boolean,
): { lines: string[]; misses: string[] } {
  const counts = new Map<SensitiveCategory, Counts>(
    SENSITIVE_CATEGORIES.map((category) => [category, { tp: 0, fp: 0, fn: 0 }]),
  );
  const misses: string[] = [];
  for (const message of corpus) {
    const found = categoriesIn(message.text);
    for (const category of SENSITIVE_CATEGORIES) {
      const expected = message.labels.includes(category);
      const got = found.has(category);
      const count = counts.get(category);
      if (!count) continue;
      if (expected && got) count.tp++;
      else if (got) {
        count.fp++;
        if (withMisses) misses.push(`false ${category}: ${message.id}: ${message.text}`);
      } else if (expected) {
        count.fn++;
        if (withMisses) misses.push(`missed ${category}: ${message.id}: ${message.text}`);
      }
    }
  }
  const languages = [...new Set(corpus.map((message) => message.lang))].join(', ');
  const lines = [
    `${title}: ${corpus.length} labelled messages (${languages})`,
    'category    precision    recall  (true+ / false+ / missed)',
  ];
  const totals: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const [category, count] of counts) {
    totals.tp += count.tp;
    totals.fp += count.fp;
    totals.fn += count.fn;
    lines.push(row(category, count));
  }
  lines.push(row('all', totals), '');
  return { lines, misses };
}

const tuningOnly = process.argv.includes('--tuning-only');
const corpus = load(TUNING);
const tuned = evaluate(`${TUNING} — tuning corpus (in-sample)`, corpus, process.argv.includes('--misses'));
const lines = [...tuned.lines];
for (const file of tuningOnly ? [] : HELD_OUT) {
  if (existsSync(join(CORPUS_DIR, file))) {
    lines.push(...evaluate(`${file} — held-out corpus (never used for tuning)`, load(file), false).lines);
  }
}
lines.push('targets: recall >= 0.95 on identifiers and health information, precision >= 0.90');

// Throughput: every tuning-corpus message scanned repeatedly, timed one by one.
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
const percentile = (p: number) => durations[Math.floor(durations.length * p)].toFixed(3);
lines.push(
  `throughput: ${Math.round(durations.length / seconds).toLocaleString('en')} messages/s on one core, ` +
    `p50 ${percentile(0.5)} ms, p99 ${percentile(0.99)} ms (targets: >= 20,000/s, p99 <= 1 ms)`,
);
if (tuned.misses.length) lines.push('', `errors on ${TUNING}:`, ...tuned.misses);
process.stdout.write(`${lines.join('\n')}\n`);
