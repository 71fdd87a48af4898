import { type RunningService, waitFor } from '@candor/testing';
import { ORIGIN } from './candor-stack';

export interface TenantFixture {
  tenantId: string;
  siteKey: string;
  adminKey: string;
}

export interface ConversationFixture {
  conversationId: string;
  visitorToken: string;
  visitorId: string;
}

export interface MessageBody {
  id: string;
  sequence: number;
  senderKind: string;
  displayName: string;
  automated: boolean;
  text: string;
  quickReplies: { id: string; label: string }[];
  inReplyTo: string | null;
}

/** Bot messages that answer a visitor message, in transcript order. */
export function botReplies(messages: MessageBody[]): MessageBody[] {
  return messages.filter((message) => message.senderKind === 'bot' && message.inReplyTo !== null);
}

export async function createTenant(
  conversation: RunningService,
  bootstrapKey: string,
  name = 'Shop Inc',
): Promise<TenantFixture> {
  const response = await conversation.request<{
    tenant: { id: string; siteKey: string };
    adminApiKey: { apiKey: string };
  }>('POST', '/v1/tenants', { token: bootstrapKey, body: { name, allowedOrigins: [ORIGIN] } });
  if (response.status !== 201) throw new Error(`tenant creation failed: ${JSON.stringify(response.body)}`);
  return {
    tenantId: response.body.tenant.id,
    siteKey: response.body.tenant.siteKey,
    adminKey: response.body.adminApiKey.apiKey,
  };
}

export async function startConversation(
  conversation: RunningService,
  siteKey: string,
  extra: { pageUrl?: string } = {},
): Promise<ConversationFixture> {
  const response = await conversation.request<{ conversation: { id: string }; visitorToken: string }>(
    'POST',
    '/v1/conversations',
    { body: { siteKey, locale: 'en', ...extra }, headers: { origin: ORIGIN } },
  );
  if (response.status !== 201) throw new Error(`conversation start failed: ${JSON.stringify(response.body)}`);
  const claims = JSON.parse(Buffer.from(response.body.visitorToken.split('.')[1], 'base64url').toString());
  return {
    conversationId: response.body.conversation.id,
    visitorToken: response.body.visitorToken,
    visitorId: claims.v,
  };
}

export async function transcript(conversation: RunningService, fixture: ConversationFixture): Promise<MessageBody[]> {
  const response = await conversation.request<MessageBody[]>(
    'GET',
    `/v1/conversations/${fixture.conversationId}/messages`,
    { token: fixture.visitorToken },
  );
  if (response.status !== 200) throw new Error(`transcript failed: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A visitor starts a conversation, says `text`, and the bot's answer has arrived. */
export async function conversationAnswered(
  conversation: RunningService,
  siteKey: string,
  text: string,
  extra: { pageUrl?: string } = {},
): Promise<ConversationFixture> {
  const fixture = await startConversation(conversation, siteKey, extra);
  const posted = await conversation.request('POST', `/v1/conversations/${fixture.conversationId}/messages`, {
    token: fixture.visitorToken,
    body: { text },
  });
  if (posted.status !== 201) throw new Error(`posting failed: ${JSON.stringify(posted.body)}`);
  const postedId = (posted.body as { id: string }).id;
  await waitFor(async () => (await transcript(conversation, fixture)).some((m) => m.inReplyTo === postedId), {
    what: 'the bot reply',
  });
  return fixture;
}
