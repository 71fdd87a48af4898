import { createHash } from 'node:crypto';
import { RawKafka, waitFor } from '@candor/testing';
import { CandorStack } from '../support/candor-stack';
import {
  HONEST_PERSONA,
  QUEUED_NOTICE,
  availableAgent as newAvailableAgent,
  configureBot,
  conversationStatus,
  issueApiKey,
  lines,
  publishPlaybook,
  startChat,
  transcriptOf,
  visitorSays,
} from '../support/bot-fixtures';
import { type TenantFixture, createTenant, transcript } from '../support/fixtures';
import { everyRecord, everyRow } from '../support/leak-scan';

const NOTICE =
  'This chat is recorded. An automated assistant answers first; you can ask for a person at any time. ' +
  'For how your data is handled, see the privacy policy: https://shop.example/privacy';
const PORTAL = 'https://portal.acme-health.example/secure-messages';
const BOOKING = 'https://cal.acme-health.example/demo';
const FORM_TEXT = 'May Acme Health email you about your demo? You can withdraw at any time by saying "stop".';

const LEAD_CAPTURE = `
schemaVersion: 1
name: Lead capture
defaultLanguage: en
start: welcome
nodes:
  welcome:
    kind: message
    text: Welcome to Acme Health.
    next: topic
  topic:
    kind: question
    text: What brings you here today?
    options:
      - { id: demo, label: Book a demo, next: email }
      - { id: question, label: A question, next: colleague }
  email:
    kind: collect
    field: email
    text: Which email should our team use?
    retryText: That doesn't look like an email address. Could you check it?
    next: consent
  consent:
    kind: consent
    formId: demo-follow-up
    purpose: sales_contact
    text: May we email you about your demo?
    onGranted: thanks
    onDeclined: no_thanks
  thanks: { kind: end, text: "Thank you! We'll be in touch." }
  no_thanks: { kind: end, text: "No problem, we won't email you." }
  colleague: { kind: handoff, team: support, skill: billing, text: Let me find a colleague for you. }
`;

/**
 * Golden transcripts: whole conversations through the real services and the real broker, compared
 * line by line with what a visitor must see. Each covers a path the bot must get right every time.
 */
describe('golden transcripts of the bot on the real broker', () => {
  let stack: CandorStack;
  let kafka: RawKafka;
  let tenant: TenantFixture;

  beforeAll(async () => {
    stack = await CandorStack.start(['conversation', 'bot-engine', 'handoff', 'dsr', 'consent-ledger'], {
      OUTBOX_POLL_INTERVAL_MS: '200',
    });
    kafka = await new RawKafka().connect();
    tenant = await createTenant(stack.service('conversation'), stack.bootstrapKey, 'Acme Health');
    const botEngine = stack.service('bot-engine');
    // The admin key reaches the bot engine through Kafka (API-key replication).
    await waitFor(async () => (await botEngine.request('GET', '/v1/bot', { token: tenant.adminKey })).status === 200, {
      what: 'the admin key at the bot engine',
    });
    await publishPlaybook(botEngine, tenant.adminKey, 'lead-capture', LEAD_CAPTURE);
    // The consent form the playbook's consent node names: the bot shows its published text.
    const form = await stack.service('consent-ledger').request('POST', '/v1/consent-forms/demo-follow-up/versions', {
      token: tenant.adminKey,
      body: { purpose: 'sales_contact', locale: 'en', text: FORM_TEXT },
    });
    expect(form.status).toBe(201);
    await waitFor(
      async () =>
        (
          await stack.database.query(
            `SELECT 1 FROM bot_engine.consent_forms WHERE tenant_id = $1 AND form_id = 'demo-follow-up'`,
            [tenant.tenantId],
          )
        ).length === 1,
      { what: 'the consent form at the bot engine' },
    );
    await configureBot(botEngine, tenant.adminKey, {
      activePlaybookKey: 'lead-capture',
      secureChannelUrl: PORTAL,
      meetingUrl: BOOKING,
    });
  });

  afterAll(async () => {
    await kafka?.disconnect();
    await stack?.stop();
  });

  const conversation = () => stack.service('conversation');

  it('captures a lead with consent: quick reply, email re-asked until valid, consent recorded as an event', async () => {
    // By default an email typed out of the blue is removed; the one the bot asks for still gets through.
    const chat = await startChat(conversation(), tenant.siteKey, { locale: 'en' });
    await transcriptOf(conversation(), chat, 4);
    await visitorSays(conversation(), chat, 'Book a demo', { quickReplyId: 'demo' });
    await visitorSays(conversation(), chat, 'ana at example dot org');
    const email = await visitorSays(conversation(), chat, 'ana.lopez@example.org');
    expect(email.message.guard).toEqual({ outcome: 'clean', categories: [] });
    const consent = await visitorSays(conversation(), chat, 'yes');

    const messages = await transcript(conversation(), chat);
    expect(lines(messages)).toEqual([
      ['system', NOTICE],
      ['bot', HONEST_PERSONA.disclosure.en],
      ['bot', 'Welcome to Acme Health.'],
      ['bot', 'What brings you here today?'],
      ['visitor', 'Book a demo'],
      ['bot', 'Which email should our team use?'],
      ['visitor', 'ana at example dot org'],
      ['bot', "That doesn't look like an email address. Could you check it?"],
      ['visitor', 'ana.lopez@example.org'],
      ['bot', FORM_TEXT],
      ['visitor', 'yes'],
      ['bot', "Thank you! We'll be in touch."],
    ]);
    expect(messages[3].quickReplies.map((reply) => reply.id)).toEqual(['demo', 'question']);
    expect(messages[9].quickReplies.map((reply) => reply.id)).toEqual(['grant', 'decline']);
    expect(messages.filter((m) => m.senderKind === 'bot').every((m) => m.automated)).toBe(true);

    // The email is kept encrypted under the visitor's key, findable by its blind index only.
    const [captured] = await stack.database.query<{ field: string; value_ciphertext: string; blind_index: string }>(
      'SELECT field, value_ciphertext, blind_index FROM bot_engine.captured_fields WHERE conversation_id = $1',
      [chat.conversationId],
    );
    expect(captured.field).toBe('email');
    expect(captured.value_ciphertext).toMatch(new RegExp(`^cnd1\\.${chat.visitorId}\\.`));
    expect(captured.blind_index).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await everyRow(stack.database)).filter((row) => row.includes('ana.lopez@example.org'))).toEqual([]);

    // The decision travels as an event for the consent ledger, with the visitor's "yes" as evidence.
    const decided = await waitFor(
      async () =>
        (await envelopesOn('bot.public.consent.decided.v1')).find(
          (envelope) => envelope.payload.conversationId === chat.conversationId,
        ),
      { what: 'the consent event' },
    );
    expect(decided.subjectId).toBe(chat.visitorId);
    expect(decided.payload).toMatchObject({
      formId: 'demo-follow-up',
      purpose: 'sales_contact',
      granted: true,
      evidenceMessageId: consent.message.id,
      language: 'en',
    });

    // The consent ledger recorded it: the form version and the exact text shown, the chat message as evidence.
    const integratorKey = await issueKey('integrator');
    const ledger = stack.service('consent-ledger');
    const state = await waitFor(
      async () => {
        const response = await ledger.request<{ status: string; entry: Record<string, unknown> | null }[]>(
          'GET',
          `/v1/consents/subjects/${chat.visitorId}?purpose=sales_contact`,
          { token: integratorKey },
        );
        return response.status === 200 && response.body[0]?.status === 'granted' ? response.body[0] : undefined;
      },
      { what: 'the consent in the ledger' },
    );
    expect(state.entry).toMatchObject({
      formId: 'demo-follow-up',
      formVersion: 1,
      formTextHash: createHash('sha256').update(FORM_TEXT).digest('hex'),
      channel: 'chat',
      actor: 'visitor',
      evidence: { conversationId: chat.conversationId, messageId: consent.message.id, reference: null },
    });

    // Withdrawn through the API: the email, kept only for that purpose, is deleted by the bot engine.
    const withdrawn = await ledger.request('POST', '/v1/consents', {
      token: integratorKey,
      body: { subjectId: chat.visitorId, purpose: 'sales_contact', action: 'withdrawn', formId: 'demo-follow-up' },
    });
    expect(withdrawn.status).toBe(201);
    await waitFor(
      async () =>
        (
          await stack.database.query('SELECT 1 FROM bot_engine.captured_fields WHERE conversation_id = $1', [
            chat.conversationId,
          ])
        ).length === 0,
      { what: 'the email deleted after the withdrawal' },
    );

    // An email or a phone number typed when nobody asked for it is removed before storage, by default.
    const unprompted = await visitorSays(
      conversation(),
      chat,
      'also reach me at ana.private@example.net or on +34 612 345 678',
      { replies: 1 },
    );
    expect(unprompted.message.guard).toEqual({ outcome: 'redacted', categories: ['email', 'phone'] });
    expect(unprompted.message.text).toBe('also reach me at [email removed] or on [phone removed]');
    expect(unprompted.replies[0].text).toMatch(/^For your protection I removed what looked like an email address/);
  });

  it('redirects a healthcare intake to the secure channel and stores nothing of the diagnosis or birth date', async () => {
    const chat = await startChat(conversation(), tenant.siteKey, { locale: 'en' });
    await transcriptOf(conversation(), chat, 4);
    const said = await visitorSays(
      conversation(),
      chat,
      'I was diagnosed with type 2 diabetes last month and take metformin, my date of birth is 14/03/1971',
      { replies: 2 },
    );
    expect(said.message.guard).toEqual({ outcome: 'redacted', categories: ['dob', 'health'] });
    // The redirect, then the playbook's pending question again: nothing of the cleaned message answered it.
    expect(said.replies.map((reply) => reply.text)).toEqual([
      'For your protection I removed what looked like a date of birth and health information from your message; ' +
        `please don't share it in this chat. Use our secure channel instead: ${PORTAL}. ` +
        'A colleague trained to handle it will follow up.',
      'What brings you here today?',
    ]);
    const view = await conversation().request<{ flaggedCategories: string[]; flaggedAt: string | null }>(
      'GET',
      `/v1/conversations/${chat.conversationId}`,
      { token: tenant.adminKey },
    );
    expect(view.body.flaggedCategories).toEqual(['dob', 'health']);
    expect(view.body.flaggedAt).not.toBeNull();
    // The trained team finds it among the flagged conversations.
    const flagged = await conversation().request<{ id: string }[]>('GET', '/v1/conversations?flagged=true', {
      token: tenant.adminKey,
    });
    expect(flagged.body.map((found) => found.id)).toContain(chat.conversationId);
    const unflagged = await conversation().request<{ id: string }[]>('GET', '/v1/conversations?flagged=false', {
      token: tenant.adminKey,
    });
    expect(unflagged.body.map((found) => found.id)).not.toContain(chat.conversationId);

    // What the visitor asks of the bot itself in a cleaned message is still answered, after the redirect.
    const asked = await visitorSays(conversation(), chat, 'Are you a bot? I have asthma', { replies: 2 });
    expect(asked.message.guard).toEqual({ outcome: 'redacted', categories: ['health'] });
    expect(asked.replies.map((reply) => reply.text)).toEqual([
      'For your protection I removed what looked like health information from your message; ' +
        `please don't share it in this chat. Use our secure channel instead: ${PORTAL}. ` +
        'A colleague trained to handle it will follow up.',
      expect.stringMatching(/^Yes, I'm Acme Health Bot, an automated assistant \(a bot\), not a person\./),
    ]);

    // Nothing of it anywhere: not in the transcript the API decrypts, any table, or any Kafka record.
    // Long enough not to occur by chance in a uuid, hash or timestamp.
    const planted = ['diabetes', 'metformin', 'asthma', '14/03/1971', '03/1971'];
    const texts = (await transcript(conversation(), chat)).map((message) => message.text).join('\n');
    const rows = await everyRow(stack.database);
    const records = await everyRecord(kafka, stack.namespace);
    for (const value of planted) {
      expect(texts).not.toContain(value);
      expect(rows.filter((row) => row.includes(value))).toEqual([]);
      expect(records.filter((record) => record.bytes.includes(value)).map((record) => record.topic)).toEqual([]);
    }

    // With `block`, the whole message is withheld, and the bot still redirects.
    await conversation().request('PUT', '/v1/guard-policy', {
      token: tenant.adminKey,
      body: { actions: { health: 'block' } },
    });
    const blocked = await visitorSays(conversation(), chat, 'my chemotherapy starts next week, can I still come?');
    expect(blocked.message).toMatchObject({
      text: '[message withheld: it contained sensitive data]',
      guard: { outcome: 'blocked', categories: ['health'] },
    });
    expect(blocked.replies[0].text).toContain(PORTAL);
    await conversation().request('PUT', '/v1/guard-policy', {
      token: tenant.adminKey,
      body: { actions: { health: 'redact' } },
    });
  });

  it.each([
    ['en', 'are you a bot?', "Yes, I'm Acme Health Bot, an automated assistant (a bot), not a person."],
    ['de', 'Bist du ein Bot?', 'Ja, ich bin Acme Health Bot, ein automatisierter Assistent (ein Bot), kein Mensch.'],
    [
      'fr',
      'Est-ce que je parle à un robot ?',
      'Oui, je suis Acme Health Bot, un assistant automatisé (un bot), pas une personne.',
    ],
    [
      'es',
      '¿Hablo con una persona real?',
      'Sí, soy Acme Health Bot, un asistente automatizado (un bot), no una persona.',
    ],
  ])(
    'answers "are you a bot?" truthfully in %s, mid-playbook, without losing its place',
    async (locale, asked, answer) => {
      const chat = await startChat(conversation(), tenant.siteKey, { locale });
      await transcriptOf(conversation(), chat, 4);
      const said = await visitorSays(conversation(), chat, asked);
      expect(said.replies).toHaveLength(1);
      expect(said.replies[0].text.startsWith(answer)).toBe(true);
      expect(said.replies[0]).toMatchObject({ senderKind: 'bot', automated: true });
      // The playbook question is still open: the button still works.
      const next = await visitorSays(conversation(), chat, 'Book a demo', { quickReplyId: 'demo' });
      expect(next.replies[0].text).toBe('Which email should our team use?');
    },
  );

  it('honours "talk to a human" mid-playbook: queue, a person joins and leaves, the bot is silent meanwhile', async () => {
    const agentKey = await availableAgent();
    const chat = await startChat(conversation(), tenant.siteKey, { locale: 'en' });
    await transcriptOf(conversation(), chat, 4);
    await visitorSays(conversation(), chat, 'Book a demo', { quickReplyId: 'demo' });
    await visitorSays(conversation(), chat, 'actually can I talk to a real person please');
    await waitFor(async () => (await status(chat.conversationId)) === 'waiting_for_human', { what: 'the queue' });

    const joined = await conversation().request('POST', `/v1/conversations/${chat.conversationId}/agent`, {
      token: agentKey,
      body: { displayName: 'Maria' },
    });
    expect(joined.status).toBe(200);
    await visitorSays(conversation(), chat, 'hi Maria, I need a demo for 20 people', { replies: 0 });
    const written = await conversation().request('POST', `/v1/conversations/${chat.conversationId}/agent/messages`, {
      token: agentKey,
      body: { text: 'Happy to help! Thursday at 10?' },
    });
    expect(written.status).toBe(201);
    const left = await conversation().request('DELETE', `/v1/conversations/${chat.conversationId}/agent`, {
      token: agentKey,
    });
    expect(left.status).toBe(200);
    await waitFor(async () => await botKnowsStatus(chat.conversationId, 'bot'), { what: 'the bot to take over again' });
    const back = await visitorSays(conversation(), chat, 'are you still a bot?');

    const messages = await transcript(conversation(), chat);
    expect(lines(messages.slice(4))).toEqual([
      ['visitor', 'Book a demo'],
      ['bot', 'Which email should our team use?'],
      ['visitor', 'actually can I talk to a real person please'],
      ['bot', "I'll connect you with a person from our team."],
      ['system', QUEUED_NOTICE],
      ['system', 'Maria, a person from our team, joined the conversation.'],
      ['visitor', 'hi Maria, I need a demo for 20 people'],
      ['agent', 'Happy to help! Thursday at 10?'],
      ['system', "Maria left the conversation. You're chatting with the automated assistant again."],
      ['visitor', 'are you still a bot?'],
      ['bot', back.replies[0].text],
    ]);
    expect(back.replies[0].text).toMatch(/^Yes, I'm Acme Health Bot, an automated assistant/);
    // A hand-off that needs a skill goes only to agents who have it.
    const needsBilling = await startChat(conversation(), tenant.siteKey, { locale: 'en' });
    await transcriptOf(conversation(), needsBilling, 4);
    await visitorSays(conversation(), needsBilling, 'A question', { quickReplyId: 'question' });
    await waitFor(
      async () =>
        (await transcript(conversation(), needsBilling)).some((m) => m.text.startsWith('Nobody from our team')),
      { what: 'the offer when nobody has the skill' },
    );
    expect(await status(needsBilling.conversationId)).toBe('bot');
    await stack.service('handoff').request('PUT', '/v1/agents/me/availability', {
      token: agentKey,
      body: { available: true, skills: ['billing'] },
    });
    const billed = await startChat(conversation(), tenant.siteKey, { locale: 'en' });
    await transcriptOf(conversation(), billed, 4);
    await visitorSays(conversation(), billed, 'A question', { quickReplyId: 'question' });
    await waitFor(async () => (await status(billed.conversationId)) === 'waiting_for_human', {
      what: 'the queue once an agent has the skill',
    });

    const agentLine = messages.find((message) => message.senderKind === 'agent')!;
    expect(agentLine).toMatchObject({ displayName: 'Maria', automated: false });
    expect(messages.filter((m) => m.senderKind === 'system').every((m) => m.automated)).toBe(true);
  });

  it('answers at once when the agent leaves, whatever the bot last heard of the status', async () => {
    const agentKey = await availableAgent();
    const chat = await startChat(conversation(), tenant.siteKey, { locale: 'en' });
    await transcriptOf(conversation(), chat, 4);
    await visitorSays(conversation(), chat, 'talk to a human');
    await waitFor(async () => (await status(chat.conversationId)) === 'waiting_for_human', { what: 'the queue' });
    const agent = `/v1/conversations/${chat.conversationId}/agent`;
    expect(
      (await conversation().request('POST', agent, { token: agentKey, body: { displayName: 'Maria' } })).status,
    ).toBe(200);
    await waitFor(async () => await botKnowsStatus(chat.conversationId, 'with_human'), { what: 'the bot to hear' });
    expect((await conversation().request('DELETE', agent, { token: agentKey })).status).toBe(200);
    // Straight after the agent left, before the status change can have reached the bot.
    const first = await visitorSays(conversation(), chat, 'are you a bot?');
    expect(first.replies[0].text).toMatch(/^Yes, I'm Acme Health Bot/);
    // However late the status change comes, the message's own status decides.
    await waitFor(async () => await botKnowsStatus(chat.conversationId, 'bot'), { what: 'the status at the bot' });
    await stack.database.query(
      `UPDATE bot_engine.bot_conversations SET status = 'with_human' WHERE conversation_id = $1`,
      [chat.conversationId],
    );
    const second = await visitorSays(conversation(), chat, 'am I talking to a human?');
    expect(second.replies[0].text).toMatch(/^Yes, I'm Acme Health Bot/);
  });

  it('still answers what it must while the visitor waits for a person, who can stop waiting', async () => {
    const compliance = await issueKey('compliance');
    await availableAgent();
    const chat = await startChat(conversation(), tenant.siteKey, { locale: 'en' });
    await transcriptOf(conversation(), chat, 4);
    await visitorSays(conversation(), chat, 'talk to a human');
    await waitFor(async () => (await status(chat.conversationId)) === 'waiting_for_human', { what: 'the queue' });

    // Nobody holds the conversation yet: "forget me" opens a request, and the bot answers it.
    const forget = await visitorSays(conversation(), chat, 'forget me', { replies: 0 });
    await waitFor(
      async () => {
        const response = await stack
          .service('dsr')
          .request<{ evidenceMessageId: string }[]>('GET', '/v1/data-requests', {
            token: compliance,
          });
        return response.body.some((request) => request.evidenceMessageId === forget.message.id);
      },
      { what: 'the erasure request opened from the queue' },
    );
    // The answer reaches the visitor's transcript although the conversation is still queued.
    const answer = await waitFor(
      async () => (await transcript(conversation(), chat)).find((message) => message.inReplyTo === forget.message.id),
      { what: 'the bot answering in the queue' },
    );
    expect(answer).toMatchObject({ senderKind: 'bot', automated: true });
    expect(answer.text).toContain('within one month');
    expect(await status(chat.conversationId)).toBe('waiting_for_human');

    // "Never mind": back with the bot, as the transcript says, and the bot answers again.
    await visitorSays(conversation(), chat, 'never mind', { replies: 0 });
    await waitFor(async () => (await status(chat.conversationId)) === 'bot', { what: 'the way back to the bot' });
    const back = await visitorSays(conversation(), chat, 'are you a bot?');
    expect(back.replies[0].text).toMatch(/^Yes, I'm Acme Health Bot/);
    const messages = await transcript(conversation(), chat);
    expect(
      lines(messages)
        .filter(([sender]) => sender === 'system')
        .slice(1),
    ).toEqual([
      ['system', QUEUED_NOTICE],
      ['system', "You left the queue. You're chatting with the automated assistant again."],
    ]);
  });

  it("answers 'what do you do with my data?' with the tenant's own notice version and policy, nothing more", async () => {
    const clinic = await createTenant(conversation(), stack.bootstrapKey, 'Clinic Ltd');
    const published = await conversation().request('POST', '/v1/privacy-notices', {
      token: clinic.adminKey,
      body: {
        version: '2026-12-clinic',
        text: 'This chat is recorded and kept for 30 days.',
        policyUrl: 'https://shop.example/clinic/privacy',
      },
    });
    expect(published.status).toBe(201);
    const chat = await startChat(conversation(), clinic.siteKey, { locale: 'en' });
    await transcriptOf(conversation(), chat, 2);
    const said = await visitorSays(conversation(), chat, 'What do you do with my data?');
    expect(said.replies.map((reply) => reply.text)).toEqual([
      'How we handle your data is set out in the privacy notice shown when this chat started ' +
        '(version 2026-12-clinic), and in full in our privacy policy: https://shop.example/clinic/privacy',
    ]);
  });

  it('offers a meeting or a message when nobody is available, and takes the message', async () => {
    const other = await createTenant(conversation(), stack.bootstrapKey, 'Nobody Home Ltd');
    await waitFor(
      async () =>
        (await stack.service('bot-engine').request('GET', '/v1/bot', { token: other.adminKey })).status === 200,
      { what: 'the admin key at the bot engine' },
    );
    await configureBot(stack.service('bot-engine'), other.adminKey, { meetingUrl: BOOKING });
    const chat = await startChat(conversation(), other.siteKey, { locale: 'en' });
    await transcriptOf(conversation(), chat, 2);
    await visitorSays(conversation(), chat, 'I want to speak to a human');
    // The offer follows the hand-off service's answer, a moment later.
    expect(lines((await transcriptOf(conversation(), chat, 6)).slice(2))).toEqual([
      ['visitor', 'I want to speak to a human'],
      ['bot', "I'll connect you with a person from our team."],
      [
        'bot',
        `Nobody from our team is available right now. You can book a time with us: ${BOOKING}. ` +
          'Or leave a message here and we will get back to you.',
      ],
      ['bot', 'Which email address should we reply to?'],
    ]);
    await visitorSays(conversation(), chat, 'sam@example.com');
    const left = await visitorSays(conversation(), chat, 'Please call me back about pricing');
    expect(left.replies.map((reply) => reply.text)).toEqual([
      'Thank you, your message is with our team. We will reply by email.',
    ]);
    expect(await status(chat.conversationId, other.adminKey)).toBe('bot');
    const captured = await stack.database.query<{ field: string }>(
      'SELECT field FROM bot_engine.captured_fields WHERE conversation_id = $1 ORDER BY captured_at',
      [chat.conversationId],
    );
    expect(captured.map((row) => row.field)).toEqual(['email', 'text']);
  });

  it('keeps nothing collected for a purpose the visitor declined', async () => {
    const { chat, captured } = await demoEmailGiven('kim@example.com');
    const declined = await visitorSays(conversation(), chat, 'No', { quickReplyId: 'decline' });
    expect(declined.replies.map((reply) => reply.text)).toEqual(["No problem, we won't email you."]);
    expect(await captured()).toHaveLength(0);
  });

  it('deletes what was collected without consent when the conversation closes', async () => {
    const { chat, captured } = await demoEmailGiven('robin@example.com');
    const closed = await conversation().request('POST', `/v1/conversations/${chat.conversationId}/close`, {
      token: tenant.adminKey,
    });
    expect(closed.status).toBe(200);
    await waitFor(async () => (await captured()).length === 0, { what: 'the unconsented email deleted on closing' });
  });

  it('withdraws in the chat as easily as it was granted: "stop" withdraws every purpose in the ledger', async () => {
    const chat = await startChat(conversation(), tenant.siteKey, { locale: 'en' });
    await transcriptOf(conversation(), chat, 4);
    await visitorSays(conversation(), chat, 'Book a demo', { quickReplyId: 'demo' });
    await visitorSays(conversation(), chat, 'lee@example.com');
    await visitorSays(conversation(), chat, 'Yes', { quickReplyId: 'grant' });
    const compliance = await issueKey('compliance');
    const ledgerState = async () =>
      (
        await stack
          .service('consent-ledger')
          .request<{ purpose: string; status: string }[]>('GET', `/v1/consents/subjects/${chat.visitorId}`, {
            token: compliance,
          })
      ).body;
    await waitFor(async () => (await ledgerState())[0]?.status === 'granted', { what: 'the grant in the ledger' });
    const stop = await visitorSays(conversation(), chat, 'stop');
    expect(stop.replies[0].text).toBe("Done: you won't receive marketing messages from us any more.");
    await waitFor(async () => (await ledgerState())[0]?.status === 'withdrawn', {
      what: 'the withdrawal in the ledger',
    });
    const history = await stack
      .service('consent-ledger')
      .request<{ action: string; channel: string; evidence: { messageId: string } }[]>(
        'GET',
        `/v1/consents/subjects/${chat.visitorId}/history`,
        { token: compliance },
      );
    expect(history.body.map((entry) => [entry.action, entry.channel])).toEqual([
      ['granted', 'chat'],
      ['withdrawn', 'chat'],
    ]);
    expect(history.body[1].evidence.messageId).toBe(stop.message.id);
  });

  it('starts an erasure request when the visitor says "forget me", with the message as evidence', async () => {
    const compliance = await issueKey('compliance');
    const chat = await startChat(conversation(), tenant.siteKey, { locale: 'fr' });
    await transcriptOf(conversation(), chat, 4);
    const said = await visitorSays(conversation(), chat, 'Oubliez-moi, supprimez toutes mes données svp');
    expect(said.replies.map((reply) => reply.text)).toEqual([
      "J'ai ouvert une demande d'effacement de vos données. Avant toute suppression, notre équipe devra peut-être " +
        "vérifier votre identité. La loi nous impose de répondre dans un délai d'un mois.",
    ]);
    const requests = await waitFor(
      async () => {
        const response = await stack.service('dsr').request<Record<string, unknown>[]>('GET', '/v1/data-requests', {
          token: compliance,
        });
        const found =
          response.status === 200 ? response.body.filter((r) => r.conversationId === chat.conversationId) : [];
        return found.length > 0 ? found : undefined;
      },
      { what: 'the erasure request at the DSR service' },
    );
    expect(requests).toEqual([
      expect.objectContaining({
        subjectId: chat.visitorId,
        kind: 'erasure',
        channel: 'chat',
        status: 'received',
        evidenceMessageId: said.message.id,
      }),
    ]);
  });

  /** A visitor asks for a demo and gives an email, which is stored; the consent question is open. */
  async function demoEmailGiven(email: string) {
    const chat = await startChat(conversation(), tenant.siteKey, { locale: 'en' });
    await transcriptOf(conversation(), chat, 4);
    await visitorSays(conversation(), chat, 'Book a demo', { quickReplyId: 'demo' });
    await visitorSays(conversation(), chat, email);
    const captured = () =>
      stack.database.query('SELECT 1 FROM bot_engine.captured_fields WHERE conversation_id = $1', [
        chat.conversationId,
      ]);
    expect(await captured()).toHaveLength(1);
    return { chat, captured };
  }

  /** Every event published on a topic so far, as envelopes. */
  async function envelopesOn(topic: string) {
    const records = await kafka.readAll(stack.topic(topic));
    return records.map((record) => JSON.parse(String(record.value)));
  }

  const issueKey = (role: string) => issueApiKey(conversation(), tenant.adminKey, role);
  const availableAgent = () => newAvailableAgent(conversation(), stack.service('handoff'), tenant.adminKey);
  const status = (conversationId: string, adminKey = tenant.adminKey) =>
    conversationStatus(conversation(), conversationId, adminKey);

  async function botKnowsStatus(conversationId: string, expected: string): Promise<boolean> {
    const [row] = await stack.database.query<{ status: string }>(
      'SELECT status FROM bot_engine.bot_conversations WHERE conversation_id = $1',
      [conversationId],
    );
    return row?.status === expected;
  }
});
