import { randomUUID } from 'node:crypto';
import { RawKafka, waitFor } from '@candor/testing';
import { CandorStack } from './support/candor-stack';
import {
  type ConversationFixture,
  type MessageBody,
  botReplies,
  createTenant,
  startConversation,
  transcript,
} from './support/fixtures';

const MESSAGE_POSTED = 'conversation.public.message.posted.v3';
const BOT_DEAD_LETTERS = 'candor.dead-letter.bot-engine.v1';

describe('reliable messaging on the real broker: dead letters, restarts, relay crashes', () => {
  let stack: CandorStack;
  let kafka: RawKafka;

  beforeAll(async () => {
    stack = await CandorStack.start(['conversation', 'bot-engine'], {
      OUTBOX_POLL_INTERVAL_MS: '200',
      CONSUMER_MAX_ATTEMPTS: '3',
    });
    kafka = await new RawKafka().connect();
  });

  afterAll(async () => {
    await kafka?.disconnect();
    await stack?.stop();
  });

  async function newConversation(): Promise<ConversationFixture> {
    const conversation = stack.service('conversation');
    const tenant = await createTenant(conversation, stack.bootstrapKey);
    const fixture = await startConversation(conversation, tenant.siteKey);
    await waitFor(async () => (await transcript(conversation, fixture)).length >= 2, { what: 'greeting' });
    return fixture;
  }

  function post(fixture: ConversationFixture, text: string) {
    return stack
      .service('conversation')
      .request<{ id: string }>('POST', `/v1/conversations/${fixture.conversationId}/messages`, {
        token: fixture.visitorToken,
        body: { text },
      });
  }

  /** The visitor's messages of the given texts, in order, once each has at least one bot reply. */
  async function answered(fixture: ConversationFixture, texts: string[]): Promise<MessageBody[]> {
    return waitFor(
      async () => {
        const messages = await transcript(stack.service('conversation'), fixture);
        const asked = messages.filter((message) => message.senderKind === 'visitor');
        const replied = new Set(botReplies(messages).map((reply) => reply.inReplyTo));
        return asked.length >= texts.length && asked.every((message) => replied.has(message.id)) ? messages : undefined;
      },
      { what: `${texts.length} bot replies`, timeoutMs: 40_000 },
    );
  }

  function replyTo(fixture: ConversationFixture, messageId: string): Promise<MessageBody> {
    return waitFor(
      async () =>
        botReplies(await transcript(stack.service('conversation'), fixture)).find(
          (reply) => reply.inReplyTo === messageId,
        ),
      { what: 'the bot reply', timeoutMs: 40_000 },
    );
  }

  /** Each visitor message, in order, has exactly one reply, and the replies come in the same order. */
  function expectOneReplyEach(messages: MessageBody[], texts: string[]) {
    const asked = messages.filter((message) => message.senderKind === 'visitor');
    expect(asked.map((message) => message.text)).toEqual(texts);
    expect(botReplies(messages).map((reply) => reply.inReplyTo)).toEqual(asked.map((message) => message.id));
  }

  it('acknowledges events a handler does not act on without an inbox row (the bot ignores its own messages)', async () => {
    const fixture = await newConversation();
    await post(fixture, 'hello there');
    const firstRound = await answered(fixture, ['hello there']);
    const posted = await stack.database.query<{ id: string; sender: string }>(
      `SELECT id, envelope->'payload'->>'senderKind' AS sender FROM conversation.outbox_events
       WHERE topic = $1 AND envelope->'payload'->>'conversationId' = $2`,
      [MESSAGE_POSTED, fixture.conversationId],
    );
    // The greeting and the replies, all published before the next visitor message on the same partition.
    expect(posted.filter((event) => event.sender === 'bot')).toHaveLength(botReplies(firstRound).length + 1);
    await post(fixture, 'and one more');
    await answered(fixture, ['hello there', 'and one more']);
    // The bot has read past every event of the first round by now: only the visitor's left a row.
    const rows = await stack.database.query<{ event_id: string }>(
      'SELECT event_id FROM bot_engine.processed_events WHERE event_id = ANY($1::uuid[])',
      [posted.map((event) => event.id)],
    );
    const inInbox = new Set(rows.map((row) => row.event_id));
    expect(posted.map((event) => [event.sender, inInbox.has(event.id)])).toEqual(
      posted.map((event) => [event.sender, event.sender === 'visitor']),
    );
  });

  it('dead-letters undecodable and off-contract events and keeps the partition flowing', async () => {
    const fixture = await newConversation();
    // Same key as the conversation's own events, hence the same partition, ahead of the next real message.
    await kafka.produce(stack.topic(MESSAGE_POSTED), [
      { key: fixture.conversationId, value: '{ this is not json' },
      {
        key: fixture.conversationId,
        value: JSON.stringify({ id: randomUUID(), type: 'conversation.message.posted', schemaVersion: 1, payload: {} }),
      },
    ]);
    const posted = await post(fixture, 'still there?');
    expect(posted.status).toBe(201);
    await replyTo(fixture, posted.body.id);
    const deadLetters = await waitFor(
      async () => {
        const records = await kafka.readAll(stack.topic(BOT_DEAD_LETTERS));
        return records.length >= 2 ? records : undefined;
      },
      { what: 'two dead letters' },
    );
    const reasons = deadLetters.map((record) => record.headers?.['dead-letter-reason']?.toString()).sort();
    expect(reasons).toEqual(['invalid-contract', 'undecodable']);
    for (const record of deadLetters) {
      expect(record.headers?.['original-topic']?.toString()).toBe(stack.topic(MESSAGE_POSTED));
      expect(record.key?.toString()).toBe(fixture.conversationId);
    }
  });

  it('retries a failing handler with backoff, then dead-letters it, and handles the next message', async () => {
    const fixture = await newConversation();
    // Make the bot's effect impossible in the database itself: every attempt fails for real.
    await stack.database.query(
      `ALTER TABLE bot_engine.bot_conversations ADD CONSTRAINT test_block CHECK (visitor_turns = 0) NOT VALID`,
    );
    try {
      expect((await post(fixture, 'doomed message')).status).toBe(201);
      // Records of several partitions arrive in no particular order: pick this conversation's.
      const deadLetter = await waitFor(
        async () =>
          (await kafka.readAll(stack.topic(BOT_DEAD_LETTERS))).find(
            (record) =>
              record.key?.toString() === fixture.conversationId &&
              record.headers?.['dead-letter-reason']?.toString() === 'handler-failed',
          ),
        { what: 'the failed event in the dead-letter topic' },
      );
      expect(deadLetter.headers?.['dead-letter-reason']?.toString()).toBe('handler-failed');
      expect(deadLetter.headers?.['dead-letter-attempts']?.toString()).toBe('3');
      // The database's error code (check_violation), never its message, which may quote values.
      expect(deadLetter.headers?.['dead-letter-detail']?.toString()).toBe('QueryFailedError (code 23514)');
    } finally {
      await stack.database.query(`ALTER TABLE bot_engine.bot_conversations DROP CONSTRAINT test_block`);
    }
    const next = await post(fixture, 'and now?');
    expect(next.status).toBe(201);
    await replyTo(fixture, next.body.id);
  });

  it('loses and doubles nothing when the consumer restarts mid-stream and Kafka redelivers everything', async () => {
    const conversations = await Promise.all([newConversation(), newConversation(), newConversation()]);
    const sent = new Map<string, string[]>();
    for (let round = 0; round < 8; round++) {
      for (const fixture of conversations) {
        const text = `round ${round} of ${fixture.conversationId.slice(0, 8)}`;
        expect((await post(fixture, text)).status).toBe(201);
        sent.set(fixture.conversationId, [...(sent.get(fixture.conversationId) ?? []), text]);
      }
      if (round === 3) {
        // Stop mid-stream, then rewind the group to the start of every topic, as if every commit had been lost.
        await stack.stopService('bot-engine');
        await kafka.resetGroupToEarliest(`${stack.namespace}.candor-bot-engine`, [
          stack.topic(MESSAGE_POSTED),
          stack.topic('conversation.public.conversation.started.v2'),
        ]);
      }
    }
    await stack.startService('bot-engine', { OUTBOX_POLL_INTERVAL_MS: '200', CONSUMER_MAX_ATTEMPTS: '3' });

    for (const fixture of conversations) {
      const texts = sent.get(fixture.conversationId)!;
      await answered(fixture, texts);
      const messages = await transcript(stack.service('conversation'), fixture);
      expectOneReplyEach(messages, texts);
      expect(messages.filter((message) => message.text.startsWith('Hi!'))).toHaveLength(1);
    }
    const turns = await stack.database.query<{ conversation_id: string; visitor_turns: number }>(
      'SELECT conversation_id, visitor_turns FROM bot_engine.bot_conversations WHERE conversation_id = ANY($1)',
      [conversations.map((fixture) => fixture.conversationId)],
    );
    expect(turns.map((row) => row.visitor_turns)).toEqual([8, 8, 8]);
  });

  it('doubles no effect when the relay publishes but fails to mark the rows as sent', async () => {
    const fixture = await newConversation();
    // The relay's UPDATE now fails after every successful send: the exact state a crash between the two leaves.
    await stack.database.query(
      `ALTER TABLE conversation.outbox_events ADD CONSTRAINT test_unmarkable CHECK (published_at IS NULL) NOT VALID`,
    );
    const texts = ['first', 'second', 'third'];
    let copies: Map<string, number>;
    try {
      for (const text of texts) expect((await post(fixture, text)).status).toBe(201);
      copies = await waitFor(
        async () => {
          const counts = new Map<string, number>();
          for (const record of await kafka.readAll(stack.topic(MESSAGE_POSTED))) {
            const envelope = parseOrNull(record.value!.toString());
            if (envelope?.payload?.conversationId !== fixture.conversationId) continue;
            if (envelope.payload.senderKind !== 'visitor') continue;
            counts.set(envelope.id, (counts.get(envelope.id) ?? 0) + 1);
          }
          return counts.size === 3 && [...counts.values()].every((count) => count >= 2) ? counts : undefined;
        },
        { what: 'each visitor event published at least twice' },
      );
    } finally {
      await stack.database.query(`ALTER TABLE conversation.outbox_events DROP CONSTRAINT test_unmarkable`);
    }
    expect([...copies.values()].every((count) => count >= 2)).toBe(true);

    await answered(fixture, texts);
    // Give any duplicate a chance to turn into a second reply before counting.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expectOneReplyEach(await transcript(stack.service('conversation'), fixture), texts);
    const processed = await stack.database.query<{ count: string }>(
      'SELECT count(*) FROM bot_engine.processed_events WHERE event_id = ANY($1::uuid[])',
      [[...copies.keys()]],
    );
    expect(processed[0].count).toBe('3');
    const pending = await waitFor(
      async () => {
        const [row] = await stack.database.query<{ count: string }>(
          'SELECT count(*) FROM conversation.outbox_events WHERE published_at IS NULL',
        );
        return row.count === '0' ? row : undefined;
      },
      { what: 'the relay to mark every row once it can' },
    );
    expect(pending.count).toBe('0');
  });
});

/** Records planted by the dead-letter test are not JSON: skip them. */
function parseOrNull(text: string): { id: string; payload?: { conversationId?: string; senderKind?: string } } | null {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
