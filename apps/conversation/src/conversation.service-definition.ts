import { WsAdapter } from '@nestjs/platform-ws';
import type { ServiceDefinition } from '@candor/platform';
import { AppModule } from './app.module';
import { ConversationConfig } from './config/conversation.config';
import { CONVERSATION_SCHEMA } from './persistence/conversation-schema';

export const conversationService: ServiceDefinition<ConversationConfig> = {
  name: 'conversation',
  schema: CONVERSATION_SCHEMA,
  title: 'Candor conversation service',
  description:
    'Tenants and API keys; conversations, participants and messages; the visitor- and agent-facing REST API and ' +
    'the real-time stream at /v1/stream; the privacy notice and bot/human labelling of every message.',
  configClass: ConversationConfig,
  rootModule: (config) => AppModule.forRoot(config),
  configure: (app) => {
    app.useWebSocketAdapter(new WsAdapter(app));
    // The chat widget calls from tenants' pages. Credentials are bearer tokens, never cookies, so
    // any origin may call; which origins may *start* a conversation is checked per tenant.
    app.enableCors({
      origin: true,
      credentials: false,
      methods: ['GET', 'POST', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type'],
      maxAge: 600,
    });
  },
};
