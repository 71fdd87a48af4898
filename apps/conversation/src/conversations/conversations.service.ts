import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, MoreThan } from 'typeorm';
import { conversationStartedV1, messageTextScope } from '@candor/contracts';
import { PersonalDataCipher } from '@candor/crypto';
import { type Principal, signVisitorToken } from '@candor/auth';
import { Outbox } from '@candor/messaging';
import { ApiException } from '@candor/platform';
import { ConversationConfig } from '../config/conversation.config';
import { Tenant } from '../tenancy/tenant.entity';
import { ConversationAccess } from './conversation-access';
import { ConversationStreamGateway } from './conversation-stream.gateway';
import { CONVERSATION_STATUSES, Conversation } from './conversation.entity';
import { ConversationView, MessageView, type StartedConversationView } from './dto/conversation.views';
import type { StartConversationDto } from './dto/start-conversation.dto';
import { Message } from './message.entity';
import { Transcript } from './transcript';

/** Name shown on system messages (notices, joins and leaves): never a person's. */
export const SYSTEM_DISPLAY_NAME = 'System';
export const VISITOR_DISPLAY_NAME = 'You';
const OPEN_STATUSES = CONVERSATION_STATUSES.filter((status) => status !== 'closed');

@Injectable()
export class ConversationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly transcript: Transcript,
    private readonly access: ConversationAccess,
    private readonly stream: ConversationStreamGateway,
    private readonly config: ConversationConfig,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** A visitor on an allowed origin starts a conversation with the tenant's site key and is shown the notice. */
  async start(request: StartConversationDto, origin: string | undefined): Promise<StartedConversationView> {
    const tenant = await this.dataSource.getRepository(Tenant).findOneBy({ siteKey: request.siteKey });
    if (!tenant) {
      throw new ApiException(401, 'invalid_site_key', 'Unknown site key');
    }
    if (!origin || !tenant.allowedOrigins.includes(origin)) {
      throw new ApiException(403, 'origin_not_allowed', 'This page origin may not start conversations for the site');
    }
    const { conversation, notice } = await this.dataSource.transaction(async (manager) => {
      const conversation = manager.create(Conversation, {
        id: randomUUID(),
        tenantId: tenant.id,
        visitorId: randomUUID(),
        status: 'bot',
        locale: request.locale ?? null,
        privacyNoticeVersion: tenant.privacyNoticeVersion,
        messageCount: 0,
        startedAt: new Date(),
      });
      await manager.insert(Conversation, conversation);
      const started = await this.outbox.enqueue(
        manager,
        conversationStartedV1,
        {
          conversationId: conversation.id,
          visitorId: conversation.visitorId,
          locale: conversation.locale,
          privacyNoticeVersion: conversation.privacyNoticeVersion,
          startedAt: conversation.startedAt.toISOString(),
        },
        { tenantId: tenant.id, subjectId: conversation.visitorId },
      );
      const notice = await this.transcript.append(
        manager,
        conversation,
        {
          senderKind: 'system',
          displayName: SYSTEM_DISPLAY_NAME,
          automated: true,
          text: { plaintext: `${tenant.privacyNoticeText} ${tenant.privacyPolicyUrl}` },
        },
        { correlationId: started.correlationId, causationId: started.id },
      );
      // The row was inserted a moment ago in this transaction: it cannot be missing.
      if (!notice) throw new Error('conversation vanished while starting');
      return { conversation, notice };
    });
    const expiresAt = Math.floor(Date.now() / 1000) + this.config.VISITOR_TOKEN_TTL_SECONDS;
    return {
      conversation: ConversationView.of(conversation),
      privacyNotice: {
        version: tenant.privacyNoticeVersion,
        text: tenant.privacyNoticeText,
        policyUrl: tenant.privacyPolicyUrl,
      },
      visitorToken: signVisitorToken(
        { tenantId: tenant.id, conversationId: conversation.id, visitorId: conversation.visitorId, expiresAt },
        this.config.VISITOR_TOKEN_SECRET,
      ),
      visitorTokenExpiresAt: new Date(expiresAt * 1000).toISOString(),
      messages: [MessageView.of(notice.message, notice.text)],
    };
  }

  async postVisitorMessage(principal: Principal, conversationId: string, text: string): Promise<MessageView> {
    if (principal.kind !== 'visitor') {
      throw new ApiException(403, 'forbidden', 'Only the visitor of this conversation can post as the visitor');
    }
    this.access.assertMaySee(principal, conversationId);
    const message = await this.dataSource.transaction(async (manager) => {
      const appended = await this.transcript.append(
        manager,
        { id: conversationId, tenantId: principal.tenantId },
        {
          senderKind: 'visitor',
          displayName: VISITOR_DISPLAY_NAME,
          automated: false,
          text: { plaintext: text.trim() },
        },
        { whileStatusIn: OPEN_STATUSES },
      );
      if (appended) return appended;
      // Not appended: either no such conversation for this caller (404), or it is closed.
      await this.access.findConversation(principal, conversationId, manager);
      throw new ApiException(409, 'conversation_closed', 'The conversation is closed');
    });
    const view = MessageView.of(message.message, message.text);
    this.stream.push(view);
    return view;
  }

  async getConversation(principal: Principal, conversationId: string): Promise<ConversationView> {
    return ConversationView.of(await this.access.findConversation(principal, conversationId));
  }

  async listMessages(principal: Principal, conversationId: string, after = 0, limit = 100): Promise<MessageView[]> {
    const conversation = await this.access.findConversation(principal, conversationId);
    const messages = await this.dataSource.getRepository(Message).find({
      where: { conversationId: conversation.id, tenantId: conversation.tenantId, sequence: MoreThan(after) },
      order: { sequence: 'ASC' },
      take: limit,
    });
    return Promise.all(
      messages.map(async (message) => {
        const scope = messageTextScope(conversation.tenantId, conversation.visitorId, message.id);
        return MessageView.of(message, await this.cipher.decrypt(scope, message.textCiphertext));
      }),
    );
  }
}
