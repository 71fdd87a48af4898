import { waitFor } from '@candor/testing';
import { CandorStack } from '../support/candor-stack';
import { configureBot, publishPlaybook, startChat, transcriptOf, visitorSays } from '../support/bot-fixtures';
import { type ConversationFixture, type TenantFixture, createTenant } from '../support/fixtures';

const FOLLOW_UP = `
schemaVersion: 1
name: Follow-up
defaultLanguage: en
start: email
nodes:
  email: { kind: collect, field: email, text: Which email should we use?, next: consent }
  consent:
    kind: consent
    formId: follow-up
    purpose: sales_contact
    text: May we email you about it?
    onGranted: thanks
    onDeclined: bye
  thanks: { kind: end, text: Thank you! }
  bye: { kind: end, text: No problem. }
`;

/** Short, so the sweep runs within a test. */
const RETENTION_MS = 3_000;

/**
 * "Data collected for a purpose without consent is not kept": what a visitor gave before saying yes to
 * anything goes once nothing can justify it any more, on the real database and broker.
 */
describe('collected values no consent covers', () => {
  let stack: CandorStack;
  let tenant: TenantFixture;

  beforeAll(async () => {
    stack = await CandorStack.start(['conversation', 'bot-engine', 'consent-ledger'], {
      OUTBOX_POLL_INTERVAL_MS: '200',
      UNCONSENTED_RETENTION_MS: String(RETENTION_MS),
    });
    tenant = await createTenant(stack.service('conversation'), stack.bootstrapKey, 'Follow-up Ltd');
    const botEngine = stack.service('bot-engine');
    await waitFor(async () => (await botEngine.request('GET', '/v1/bot', { token: tenant.adminKey })).status === 200, {
      what: 'the admin key at the bot engine',
    });
    await publishPlaybook(botEngine, tenant.adminKey, 'follow-up', FOLLOW_UP);
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
    return stack.database.query<{ purposes: string[] }>(
      'SELECT purposes FROM bot_engine.captured_fields WHERE conversation_id = $1',
      [chat.conversationId],
    );
  }

  it('deletes what a visitor left at the consent question once the retention passed, and keeps what was granted', async () => {
    const granted = await emailGiven();
    await visitorSays(conversation(), granted, 'Yes', { quickReplyId: 'grant' });
    const abandoned = await emailGiven();
    expect(await captured(abandoned)).toEqual([{ purposes: [] }]);

    await waitFor(async () => (await captured(abandoned)).length === 0, {
      what: 'the sweep to delete the unconsented email',
    });
    // Collected earlier than the one just swept, so past the same retention: kept, for what was granted.
    expect(await captured(granted)).toEqual([{ purposes: ['sales_contact'] }]);
  });
});
