/**
 * What hostile visitor text costs (`npm run bench:hostile-text`): for every shape of
 * `hostileTexts` (4,000 characters: long words, many distinct words, every script, identifier-like
 * runs), the time the sensitive-data guard and a whole bot turn (global intents, a playbook's
 * question and intents) take on one core, p50 and max over fresh texts (a new seed per run, so no
 * memo helps). Prints figures; asserts nothing.
 */
import { BotBrain } from '../../apps/bot-engine/src/turns/bot-brain';
import { parsePlaybook } from '../../apps/bot-engine/src/playbooks/model';
import { fixtureSource } from '../../apps/bot-engine/src/playbooks/model/fixtures/test-playbooks';
import { scanMessage } from '../../libs/privacy/src';
import { hostileTexts } from '../../libs/testing/src/hostile-text';
import { percentile } from './stats';

const RUNS = Number(process.env.HOSTILE_RUNS ?? 20);
const LENGTH = Number(process.env.HOSTILE_LENGTH ?? 4_000);

function visitorMessage(text: string) {
  return { messageId: '00000000-0000-4000-8000-000000000001', text, quickReplyId: null, guard: null };
}

function main(): void {
  const parsed = parsePlaybook(fixtureSource('json'), 'json');
  if (!parsed.ok) throw new Error('the fixture playbook does not parse');
  const playbook = parsed.playbook;
  const bot = {
    personaName: 'Bench Bot',
    disclosure: {},
    secureChannelUrl: null,
    meetingUrl: null,
    consentForms: new Map(),
  };
  const visitor = {
    jurisdiction: 'DE',
    pageUrl: null,
    privacyNotice: { version: 'bench', policyUrl: 'https://example.test/privacy' },
  };
  const now = new Date();
  const timings = new Map<string, { guard: number[]; bot: number[] }>();

  for (let run = 0; run < RUNS + 2; run++) {
    // A fresh brain per run: its per-playbook matcher (and the matcher's word memo) starts cold.
    const brain = new BotBrain();
    const start = brain.greet(bot, 'en', playbook, visitor, now).state;
    // The first message builds the playbook's matcher: a once-per-playbook cost, not the text's.
    brain.onVisitorMessage(start, bot, playbook, visitor, visitorMessage('hello'), now);
    for (const [shape, text] of Object.entries(hostileTexts(LENGTH, run + 1))) {
      const guardStart = process.hrtime.bigint();
      scanMessage(text);
      const guardMs = Number(process.hrtime.bigint() - guardStart) / 1e6;
      const botStart = process.hrtime.bigint();
      brain.onVisitorMessage(start, bot, playbook, visitor, visitorMessage(text), now);
      const botMs = Number(process.hrtime.bigint() - botStart) / 1e6;
      if (run < 2) continue; // warm-up runs
      const entry = timings.get(shape) ?? { guard: [], bot: [] };
      entry.guard.push(guardMs);
      entry.bot.push(botMs);
      timings.set(shape, entry);
    }
  }

  const rows = [...timings].map(([shape, { guard, bot: turns }]) => {
    const g = [...guard].sort((a, b) => a - b);
    const b = [...turns].sort((a, b2) => a - b2);
    return {
      shape,
      guardP50: percentile(g, 50),
      guardMax: g[g.length - 1],
      botP50: percentile(b, 50),
      botMax: b[b.length - 1],
    };
  });
  const print = (line: string) => process.stdout.write(`${line}\n`);
  print(`hostile text: ${LENGTH} characters, ${RUNS} fresh texts per shape, node ${process.version}`);
  print(
    `${'shape'.padEnd(34)} ${'guard p50'.padStart(10)} ${'guard max'.padStart(10)} ${'bot p50'.padStart(10)} ${'bot max'.padStart(10)}  (ms)`,
  );
  for (const row of rows) {
    print(
      `${row.shape.padEnd(34)} ${row.guardP50.toFixed(2).padStart(10)} ${row.guardMax.toFixed(2).padStart(10)} ` +
        `${row.botP50.toFixed(2).padStart(10)} ${row.botMax.toFixed(2).padStart(10)}`,
    );
  }
  const worst = (key: 'guardMax' | 'botMax') => rows.reduce((a, b) => (b[key] > a[key] ? b : a));
  print(`worst guard: ${worst('guardMax').guardMax.toFixed(2)} ms (${worst('guardMax').shape})`);
  print(`worst bot turn: ${worst('botMax').botMax.toFixed(2)} ms (${worst('botMax').shape})`);
}

main();
