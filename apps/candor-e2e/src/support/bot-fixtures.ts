import { type RunningService, waitFor } from '@candor/testing';
import { ORIGIN } from './candor-stack';
import { type ConversationFixture, type MessageBody, botReplies, transcript } from './fixtures';

export const HONEST_PERSONA = {
  name: 'Acme Health Bot',
  avatar: null,
  tone: 'friendly',
  disclosure: {
    en: "Hi, I'm the Acme Health bot, an automated assistant. Ask for a person at any time.",
    de: 'Hallo, ich bin der Acme-Health-Bot, ein automatisierter Assistent. Sie können jederzeit eine Person verlangen.',
  },
};

/** What the transcript says when the visitor is queued for a person (in English). */
export const QUEUED_NOTICE =
  "You're in the queue for a person from our team. If nobody can join soon, you'll be offered other ways to reach us.";

/** Collects an email, then asks consent to use it (purpose sales_contact, form follow-up). */
export const FOLLOW_UP_PLAYBOOK = `
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

/** Uploads and publishes a playbook version; returns its number. */
export async function publishPlaybook(
  botEngine: RunningService,
  adminKey: string,
  key: string,
  source: string,
  format: 'json' | 'yaml' = 'yaml',
): Promise<number> {
  const added = await botEngine.request<{ version: number }>('POST', `/v1/playbooks/${key}/versions`, {
    token: adminKey,
    body: { format, source },
  });
  if (added.status !== 201) throw new Error(`playbook upload failed: ${JSON.stringify(added.body)}`);
  const published = await botEngine.request('POST', `/v1/playbooks/${key}/versions/${added.body.version}/publish`, {
    token: adminKey,
  });
  if (published.status !== 200) throw new Error(`publishing failed: ${JSON.stringify(published.body)}`);
  return added.body.version;
}

export async function configureBot(botEngine: RunningService, adminKey: string, settings: Record<string, unknown>) {
  const response = await botEngine.request('PUT', '/v1/bot', {
    token: adminKey,
    body: { persona: HONEST_PERSONA, ...settings },
  });
  if (response.status !== 200) throw new Error(`bot configuration failed: ${JSON.stringify(response.body)}`);
}

export async function startChat(
  conversation: RunningService,
  siteKey: string,
  options: { locale?: string; jurisdiction?: string; pageUrl?: string } = {},
): Promise<ConversationFixture> {
  const response = await conversation.request<{ conversation: { id: string }; visitorToken: string }>(
    'POST',
    '/v1/conversations',
    { body: { siteKey, ...options }, headers: { origin: ORIGIN } },
  );
  if (response.status !== 201) throw new Error(`conversation start failed: ${JSON.stringify(response.body)}`);
  const claims = JSON.parse(Buffer.from(response.body.visitorToken.split('.')[1], 'base64url').toString());
  return {
    conversationId: response.body.conversation.id,
    visitorToken: response.body.visitorToken,
    visitorId: claims.v,
  };
}

export interface Said {
  status: number;
  message: MessageBody & { guard?: { outcome: string; categories: string[] } };
}

/** The visitor writes (or presses a quick reply); resolves once the bot has sent `replies` answers to it. */
export async function visitorSays(
  conversation: RunningService,
  fixture: ConversationFixture,
  text: string,
  options: { quickReplyId?: string; replies?: number } = {},
): Promise<Said & { replies: MessageBody[] }> {
  const posted = await conversation.request<Said['message']>(
    'POST',
    `/v1/conversations/${fixture.conversationId}/messages`,
    {
      token: fixture.visitorToken,
      body: { text, ...(options.quickReplyId ? { quickReplyId: options.quickReplyId } : {}) },
    },
  );
  if (posted.status !== 201) throw new Error(`posting failed: ${JSON.stringify(posted.body)}`);
  const expected = options.replies ?? 1;
  const replies =
    expected === 0
      ? []
      : await waitFor(
          async () => {
            const answers = botReplies(await transcript(conversation, fixture)).filter(
              (reply) => reply.inReplyTo === posted.body.id,
            );
            return answers.length >= expected ? answers : undefined;
          },
          { what: `${expected} bot replies to "${text}"`, timeoutMs: 30_000 },
        );
  return { status: posted.status, message: posted.body, replies };
}

/** Waits until the transcript has at least `count` messages, and returns it. */
export function transcriptOf(conversation: RunningService, fixture: ConversationFixture, count: number) {
  return waitFor(
    async () => {
      const messages = await transcript(conversation, fixture);
      return messages.length >= count ? messages : undefined;
    },
    { what: `${count} messages`, timeoutMs: 30_000 },
  );
}

/** The transcript as [sender kind, text] pairs: what a golden transcript compares. */
export function lines(messages: MessageBody[]): [string, string][] {
  return messages.map((message) => [message.senderKind, message.text]);
}

export async function issueApiKey(conversation: RunningService, adminKey: string, role: string): Promise<string> {
  const response = await conversation.request<{ apiKey: string }>('POST', '/v1/api-keys', {
    token: adminKey,
    body: { role },
  });
  if (response.status !== 201) throw new Error(`key issue failed: ${JSON.stringify(response.body)}`);
  return response.body.apiKey;
}

/** A new agent key, available at the handoff service for any team once the key has reached it. */
export async function availableAgent(
  conversation: RunningService,
  handoff: RunningService,
  adminKey: string,
): Promise<string> {
  const agentKey = await issueApiKey(conversation, adminKey, 'agent');
  await waitFor(
    async () =>
      (await handoff.request('PUT', '/v1/agents/me/availability', { token: agentKey, body: { available: true } }))
        .status === 200,
    { what: 'the agent key at the handoff service' },
  );
  return agentKey;
}

export async function conversationStatus(
  conversation: RunningService,
  conversationId: string,
  adminKey: string,
): Promise<string> {
  const response = await conversation.request<{ status: string }>('GET', `/v1/conversations/${conversationId}`, {
    token: adminKey,
  });
  return response.body.status;
}
