import { waitFor } from '@candor/testing';
import { CandorStack } from '../support/candor-stack';
import {
  FOLLOW_UP_PLAYBOOK,
  configureBot,
  publishPlaybook,
  startChat,
  transcriptOf,
  visitorSays,
} from '../support/bot-fixtures';
import { type ConversationFixture, type TenantFixture, createTenant } from '../support/fixtures';

/** Short, so the sweep runs within a test, yet longer than the ledger takes to record a grant. */
const RETENTION_MS = 5_000;
const SETTINGS = { OUTBOX_POLL_INTERVAL_MS: '200', UNCONSENTED_RETENTION_MS: String(RETENTION_MS) };

/**
 * "Data collected for a purpose without consent is not kept": what a visitor gave before saying yes to
 * anything goes once nothing can justify it any more, on the real database and broker.
 */
describe('collected values no consent covers', () => {
  let stack: CandorStack;
  let tenant: TenantFixture;

  beforeAll(async () => {
    stack = await CandorStack.start(['conversation', 'bot-engine', 'consent-ledger'], SETTINGS);
    tenant = await createTenant(stack.service('conversation'), stack.bootstrapKey, 'Follow-up Ltd');
    const botEngine = stack.service('bot-engine');
    await waitFor(async () => (await botEngine.request('GET', '/v1/bot', { token: tenant.adminKey })).status === 200, {
      what: 'the admin key at the bot engine',
    });
    await publishPlaybook(botEngine, tenant.adminKey, 'follow-up', FOLLOW_UP_PLAYBOOK);
    await configureBot(botEngine, tenant.adminKey, { activePlaybookKey: 'follow-up' });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const conversation = () => stack.service('conversation');

  async function emailGiven(): Promise<ConversationFixture> {
    const chat = await startChat(conversation(), tenant.siteKey, { locale: 'en' });
    await transcriptOf(conversation(), chat, 3);
    const said = await visitorSays(conversation(), chat, `visitor-${chat.visitorId.slice(0, 8)}@example.com`);
    expect(said.replies.map((reply) => reply.text)).toEqual(['May we email you about it?']);
    return chat;
  }

  function captured(chat: ConversationFixture) {
    return stack.database.query<{ purposes: string[]; pending_purposes: string[] }>(
      'SELECT purposes, pending_purposes FROM bot_engine.captured_fields WHERE conversation_id = $1',
      [chat.conversationId],
    );
  }

  it('deletes what a visitor left at the consent question once the retention passed, and keeps what was granted', async () => {
    const granted = await emailGiven();
    await visitorSays(conversation(), granted, 'Yes', { quickReplyId: 'grant' });
    await waitFor(async () => (await captured(granted))[0]?.purposes.includes('sales_contact'), {
      what: 'the grant recorded by the ledger',
    });
    const abandoned = await emailGiven();
    expect(await captured(abandoned)).toEqual([{ purposes: [], pending_purposes: [] }]);

    await waitFor(async () => (await captured(abandoned)).length === 0, {
      what: 'the sweep to delete the unconsented email',
    });
    // Collected earlier than the one just swept, so past the same retention: kept, for what was granted.
    expect(await captured(granted)).toEqual([{ purposes: ['sales_contact'], pending_purposes: [] }]);
  });

  it('keeps nothing for a grant the consent ledger has not recorded: it only holds it, until the retention ends', async () => {
    await stack.stopService('consent-ledger');
    try {
      const chat = await emailGiven();
      const thanked = await visitorSays(conversation(), chat, 'Yes', { quickReplyId: 'grant' });
      expect(thanked.replies.map((reply) => reply.text)).toEqual(['Thank you!']);
      expect(await captured(chat)).toEqual([{ purposes: [], pending_purposes: ['sales_contact'] }]);
      // Never recorded (here the ledger is down; it would be the same if it refused): the email goes.
      await waitFor(async () => (await captured(chat)).length === 0, { what: 'the held email swept' });
      const [memory] = await stack.database.query<{ granted_consents: object; pending_consents: object }>(
        'SELECT granted_consents, pending_consents FROM bot_engine.bot_conversations WHERE conversation_id = $1',
        [chat.conversationId],
      );
      expect(memory).toEqual({ granted_consents: {}, pending_consents: { sales_contact: 'follow-up' } });
    } finally {
      await stack.startService('consent-ledger', SETTINGS);
    }
  });
});
