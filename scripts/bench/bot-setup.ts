/**
 * Gives the bench tenant's bot an FAQ playbook: every visitor message is then collected, routed on
 * the tenant's intents and answered, on top of the guard, the global intents and encryption.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTimeout } from './stats';

/** The FAQ playbook the README's quick start publishes: one source for both. */
const FAQ_PLAYBOOK = readFileSync(join(__dirname, '../../docs/examples/faq.playbook.yaml'), 'utf8');

async function call(url: string, method: string, adminKey: string, body?: unknown): Promise<Response> {
  return fetch(url, {
    method,
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export async function configureFaqBot(botEngineUrl: string, adminKey: string, timeoutMs: number): Promise<void> {
  // The tenant's admin key reaches the bot engine through Kafka: wait for it.
  await withTimeout(
    (async () => {
      while ((await call(`${botEngineUrl}/v1/bot`, 'GET', adminKey)).status !== 200) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })(),
    timeoutMs,
    'the admin key at the bot engine',
  );
  const added = await call(`${botEngineUrl}/v1/playbooks/faq/versions`, 'POST', adminKey, {
    format: 'yaml',
    source: FAQ_PLAYBOOK,
  });
  if (added.status !== 201) throw new Error(`playbook upload answered ${added.status}: ${await added.text()}`);
  const { version } = (await added.json()) as { version: number };
  const published = await call(`${botEngineUrl}/v1/playbooks/faq/versions/${version}/publish`, 'POST', adminKey);
  if (published.status !== 200) throw new Error(`publishing answered ${published.status}`);
  const bot = await call(`${botEngineUrl}/v1/bot`, 'PUT', adminKey, {
    persona: {
      name: 'Bench Bot',
      avatar: null,
      tone: 'neutral',
      disclosure: { en: 'Hi, I am the Bench bot, an automated assistant.' },
    },
    activePlaybookKey: 'faq',
  });
  if (bot.status !== 200) throw new Error(`bot configuration answered ${bot.status}: ${await bot.text()}`);
}
