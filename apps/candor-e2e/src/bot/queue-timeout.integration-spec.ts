import { handoffService } from '@candor/apps/handoff';
import { RunningService, waitFor } from '@candor/testing';
import { CandorStack } from '../support/candor-stack';
import {
  QUEUED_NOTICE,
  availableAgent,
  configureBot,
  conversationStatus,
  lines,
  startChat,
  transcriptOf,
  visitorSays,
} from '../support/bot-fixtures';
import { type ConversationFixture, type TenantFixture, createTenant, transcript } from '../support/fixtures';

const TIMEOUT_MS = 3_000;
const BOOKING = 'https://cal.shop.example/call';
const NOBODY_TOOK_IT =
  'Sorry, nobody from our team has been able to take your conversation yet. ' +
  `You can book a time with us: ${BOOKING}. Or leave a message here and we will get back to you. ` +
  'You can also keep waiting, or stop waiting and carry on with me, the automated assistant.';
const TIMED_OUT_TOPIC = 'handoff.public.conversation.queue-timed-out.v1';

/**
 * A visitor waiting for a person is not left waiting forever: after HANDOFF_QUEUE_TIMEOUT_MS the handoff
 * service announces that nobody took the conversation, once, whichever of its two instances sweeps first,
 * and the bot tells the visitor and offers a meeting or a message, waiting on, or the way back to the bot.
 */
describe('the queue timeout on the real broker', () => {
  let stack: CandorStack;
  let secondHandoff: RunningService;
  let tenant: TenantFixture;

  beforeAll(async () => {
    const settings = { OUTBOX_POLL_INTERVAL_MS: '200', HANDOFF_QUEUE_TIMEOUT_MS: String(TIMEOUT_MS) };
    stack = await CandorStack.start(['conversation', 'bot-engine', 'handoff'], settings);
    secondHandoff = await RunningService.start(handoffService, { ...stack.environmentFor('handoff'), ...settings });
    tenant = await createTenant(conversation(), stack.bootstrapKey, 'Queue Ltd');
    await waitFor(
      async () =>
        (await stack.service('bot-engine').request('GET', '/v1/bot', { token: tenant.adminKey })).status === 200,
      { what: 'the admin key at the bot engine' },
    );
    await configureBot(stack.service('bot-engine'), tenant.adminKey, { meetingUrl: BOOKING });
  });

  afterAll(async () => {
    await secondHandoff?.stop();
    await stack?.stop();
  });

  const conversation = () => stack.service('conversation');
  const status = (chat: ConversationFixture) =>
    conversationStatus(conversation(), chat.conversationId, tenant.adminKey);

  it('tells the visitor nobody took it, once, and takes a message while they keep waiting', async () => {
    const agentKey = await availableAgent(conversation(), stack.service('handoff'), tenant.adminKey);
    const chat = await queuedChat();
    const offer = await timeoutOffer(chat);
    expect(offer.quickReplies.map((reply) => reply.id)).toEqual(['leave_message', 'keep_waiting', 'leave_queue']);
    expect(lines((await transcript(conversation(), chat)).slice(2))).toEqual([
      ['visitor', 'I want to talk to a person'],
      ['bot', "I'll connect you with a person from our team."],
      ['system', QUEUED_NOTICE],
      ['bot', NOBODY_TOOK_IT],
    ]);
    expect(await status(chat)).toBe('waiting_for_human');

    const asked = await visitorSays(conversation(), chat, 'Leave a message', { quickReplyId: 'leave_message' });
    expect(asked.replies.map((reply) => reply.text)).toEqual(['Which email address should we reply to?']);
    await visitorSays(conversation(), chat, 'sam@example.com');
    const left = await visitorSays(conversation(), chat, 'Please call me back about pricing');
    expect(left.replies.map((reply) => reply.text)).toEqual([
      'Thank you, your message is with our team. We will reply by email.',
    ]);
    const captured = await stack.database.query<{ field: string }>(
      'SELECT field FROM bot_engine.captured_fields WHERE conversation_id = $1 ORDER BY captured_at',
      [chat.conversationId],
    );
    expect(captured.map((row) => row.field)).toEqual(['email', 'text']);

    // Still in the queue, long past a second timeout: announced once by the two instances together.
    await new Promise((resolve) => setTimeout(resolve, 2 * TIMEOUT_MS));
    expect(await status(chat)).toBe('waiting_for_human');
    expect(await announcements(chat)).toBe(1);
    const offers = (await transcript(conversation(), chat)).filter((message) => message.text === NOBODY_TOOK_IT);
    expect(offers).toHaveLength(1);

    // A person can still take it, and the queue forgets it.
    const joined = await conversation().request('POST', `/v1/conversations/${chat.conversationId}/agent`, {
      token: agentKey,
      body: { displayName: 'Maria' },
    });
    expect(joined.status).toBe(200);
    await waitFor(async () => (await queueEntries(chat)) === 0, { what: 'the queue entry to go' });
  });

  it('keeps a visitor who chooses to wait in the queue, and takes one who stops waiting back to the bot', async () => {
    await availableAgent(conversation(), stack.service('handoff'), tenant.adminKey);
    const chat = await queuedChat();
    await timeoutOffer(chat);
    const keep = await visitorSays(conversation(), chat, 'Keep waiting', { quickReplyId: 'keep_waiting' });
    expect(keep.replies.map((reply) => reply.text)).toEqual([
      "You're still in the queue. A person from our team will join here if one becomes free.",
    ]);
    expect(await status(chat)).toBe('waiting_for_human');

    await visitorSays(conversation(), chat, 'Stop waiting', { quickReplyId: 'leave_queue', replies: 0 });
    await waitFor(async () => (await status(chat)) === 'bot', { what: 'the way back to the bot' });
    await waitFor(async () => (await queueEntries(chat)) === 0, { what: 'the queue entry to go' });
    const back = await visitorSays(conversation(), chat, 'are you a bot?');
    expect(back.replies[0].text).toMatch(/^Yes, I'm Acme Health Bot, an automated assistant/);
  });

  it('says nothing of a timeout once a person has taken the conversation', async () => {
    const agentKey = await availableAgent(conversation(), stack.service('handoff'), tenant.adminKey);
    const chat = await queuedChat();
    const joined = await conversation().request('POST', `/v1/conversations/${chat.conversationId}/agent`, {
      token: agentKey,
      body: { displayName: 'Maria' },
    });
    expect(joined.status).toBe(200);
    await waitFor(async () => (await queueEntries(chat)) === 0, { what: 'the queue entry to go' });
    await new Promise((resolve) => setTimeout(resolve, 2 * TIMEOUT_MS));
    expect(await announcements(chat)).toBe(0);
    expect((await transcript(conversation(), chat)).some((message) => message.text === NOBODY_TOOK_IT)).toBe(false);
  });

  it("forgets an off-boarded tenant's queue and agents", async () => {
    const leaving = await createTenant(conversation(), stack.bootstrapKey, 'Leaving Ltd');
    await availableAgent(conversation(), stack.service('handoff'), leaving.adminKey);
    const chat = await queuedChat(leaving);
    const offboarded = await conversation().request('DELETE', `/v1/tenants/${leaving.tenantId}`, {
      token: stack.bootstrapKey,
    });
    expect(offboarded.status).toBeLessThan(300);
    await waitFor(async () => (await queueEntries(chat)) === 0, { what: 'the queue entry to go' });
    await waitFor(
      async () =>
        (
          await stack.database.query('SELECT 1 FROM handoff.agent_availability WHERE tenant_id = $1', [
            leaving.tenantId,
          ])
        ).length === 0,
      { what: "the tenant's agents to go" },
    );
  });

  /** A conversation queued at the conversation service, and so in the handoff service's queue. */
  async function queuedChat(of: TenantFixture = tenant): Promise<ConversationFixture> {
    const chat = await startChat(conversation(), of.siteKey, { locale: 'en' });
    await transcriptOf(conversation(), chat, 2);
    await visitorSays(conversation(), chat, 'I want to talk to a person');
    await waitFor(
      async () => (await conversationStatus(conversation(), chat.conversationId, of.adminKey)) === 'waiting_for_human',
      { what: 'the queue' },
    );
    await waitFor(async () => (await queueEntries(chat)) === 1, { what: 'the queue entry at the handoff service' });
    return chat;
  }

  function timeoutOffer(chat: ConversationFixture) {
    return waitFor(
      async () => (await transcript(conversation(), chat)).find((message) => message.text === NOBODY_TOOK_IT),
      { what: 'the timeout offer', timeoutMs: 30_000 },
    );
  }

  async function announcements(chat: ConversationFixture): Promise<number> {
    const [row] = await stack.database.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM handoff.outbox_events WHERE topic = $1 AND message_key = $2',
      [TIMED_OUT_TOPIC, chat.conversationId],
    );
    return row.count;
  }

  async function queueEntries(chat: ConversationFixture): Promise<number> {
    const [row] = await stack.database.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM handoff.queue_entries WHERE conversation_id = $1',
      [chat.conversationId],
    );
    return row.count;
  }
});
