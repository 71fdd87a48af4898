import { createHmac, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, MoreThan } from 'typeorm';
import { conversationStartedV2, messageTextScope } from '@candor/contracts';
import { PersonalDataCipher } from '@candor/crypto';
import { type Principal, signVisitorToken } from '@candor/auth';
import { Outbox } from '@candor/messaging';
import { RateLimiter } from '@candor/platform';
import { inCrossTenantScope, inTenantScope } from '@candor/tenant-isolation';
import { ConversationConfig } from '../config/conversation.config';
import { Tenant } from '../tenancy/tenant.entity';
import { ConversationAccess } from './conversation-access';
import { ConversationStreamGateway } from './conversation-stream.gateway';
import { effectivePolicy } from '../guard/guard-policy';
import { guardMessage } from '../guard/sensitive-data-guard';
import { Conversation } from './conversation.entity';
import { ConversationsRepository } from './conversations.repository';
import {
  ConversationView,
  MessageView,
  type PostedMessageView,
  type StartedConversationView,
} from './dto/conversation.views';
import type { ListConversationsQuery } from './dto/conversation-params';
import type { PostMessageDto } from './dto/post-message.dto';
import type { StartConversationDto } from './dto/start-conversation.dto';
import { Message } from './message.entity';
import { pageOf } from './page-url';
import { SYSTEM_DISPLAY_NAME, Transcript, VISITOR_DISPLAY_NAME } from './transcript';
import { ConversationError } from '../conversation-error';

@Injectable()
export class ConversationsService {
  /** A client address is personal data: counters are kept under its keyed hash, never the address itself. */
  private readonly addressKey: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly conversations: ConversationsRepository,
    private readonly outbox: Outbox,
    private readonly transcript: Transcript,
    private readonly access: ConversationAccess,
    private readonly stream: ConversationStreamGateway,
    private readonly config: ConversationConfig,
    private readonly cipher: PersonalDataCipher,
    private readonly limiter: RateLimiter,
  ) {
    this.addressKey = createHmac('sha256', config.VISITOR_TOKEN_SECRET).update('rate-limit-address').digest();
  }

  private pseudonymOf(address: string): string {
    return createHmac('sha256', this.addressKey).update(address).digest('base64url').slice(0, 32);
  }

  /** A visitor on an allowed origin starts a conversation with the tenant's site key and is shown the notice. */
  async start(
    request: StartConversationDto,
    origin: string | undefined,
    clientAddress: string | undefined,
  ): Promise<StartedConversationView> {
    // Counted before any lookup: a flood of starts costs one small statement each, not a tenant read.
    await this.limiter.enforce(`start-address:${this.pseudonymOf(clientAddress ?? 'unknown')}`, {
      limit: this.config.RATE_LIMIT_CONVERSATIONS_PER_ADDRESS_PER_MINUTE,
      windowMs: 60_000,
    });
    await this.limiter.enforce(`start-site:${request.siteKey}`, {
      limit: this.config.RATE_LIMIT_CONVERSATIONS_PER_SITE_PER_MINUTE,
      windowMs: 60_000,
    });
    // The site key names its tenant only once found.
    const tenant = await inCrossTenantScope(this.dataSource, 'credential-lookup', (manager) =>
      manager.findOneBy(Tenant, { siteKey: request.siteKey }),
    );
    if (!tenant) {
      throw new ConversationError('invalid_site_key', 'Unknown site key');
    }
    if (!origin || !tenant.allowedOrigins.includes(origin)) {
      throw new ConversationError('origin_not_allowed', 'This page origin may not start conversations for the site');
    }
    const { conversation, notice } = await inTenantScope(this.dataSource, tenant.id, async (manager) => {
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
      await this.conversations.insert(manager, conversation);
      const started = await this.outbox.enqueue(
        manager,
        conversationStartedV2,
        {
          conversationId: conversation.id,
          visitorId: conversation.visitorId,
          locale: conversation.locale,
          privacyNoticeVersion: conversation.privacyNoticeVersion,
          privacyPolicyUrl: tenant.privacyPolicyUrl,
          pageUrl: pageOf(request.pageUrl),
          jurisdiction: request.jurisdiction ?? null,
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

  /**
   * A visitor's message: the sensitive-data guard runs on it before anything is stored or published,
   * under the conversation's row lock so it sees what the bot last asked for. What the tenant's policy
   * removes never reaches the database, Kafka or the logs; the conversation is flagged for a trained team.
   */
  async postVisitorMessage(
    principal: Principal,
    conversationId: string,
    request: PostMessageDto,
  ): Promise<PostedMessageView> {
    if (principal.kind !== 'visitor') {
      throw new ConversationError('forbidden', 'Only the visitor of this conversation can post as the visitor');
    }
    this.access.assertMaySee(principal, conversationId);
    await this.limiter.enforce(`messages:${conversationId}`, {
      limit: this.config.RATE_LIMIT_MESSAGES_PER_CONVERSATION_PER_MINUTE,
      windowMs: 60_000,
    });
    const posted = await inTenantScope(this.dataSource, principal.tenantId, async (manager) => {
      const current = await this.conversations.lockForVisitorMessage(manager, principal.tenantId, conversationId);
      // Not there for this caller: the same 404 as every other way of asking.
      if (!current) throw this.access.notFound();
      if (current.status === 'closed') throw new ConversationError('conversation_closed', 'The conversation is closed');
      const guarded = guardMessage(request.text.trim(), effectivePolicy(current.guardPolicy), current.awaitingField);
      const acted = guarded.verdict.outcome === 'redacted' || guarded.verdict.outcome === 'blocked';
      const appended = await this.transcript.append(
        manager,
        { id: conversationId, tenantId: principal.tenantId },
        {
          senderKind: 'visitor',
          displayName: VISITOR_DISPLAY_NAME,
          automated: false,
          text: { plaintext: guarded.text },
          quickReplyId: request.quickReplyId ?? null,
          guard: guarded.verdict,
        },
        // Whatever the bot asked for has been answered; what the guard removed flags the conversation.
        { awaitingField: null, flagCategories: acted ? guarded.verdict.categories : [] },
      );
      // The row is locked by this transaction: it cannot have gone.
      if (!appended) throw new Error('conversation vanished while posting');
      return { appended, verdict: guarded.verdict };
    });
    const view = MessageView.of(posted.appended.message, posted.appended.text);
    this.stream.push(view);
    return { ...view, guard: posted.verdict };
  }

  async listConversations(principal: Principal, query: ListConversationsQuery): Promise<ConversationView[]> {
    const conversations = await this.conversations.list(principal.tenantId, {
      status: query.status,
      flagged: query.flagged,
      before: query.before,
      limit: query.limit ?? 50,
    });
    return conversations.map(ConversationView.of);
  }

  async getConversation(principal: Principal, conversationId: string): Promise<ConversationView> {
    return ConversationView.of(await this.access.findConversation(principal, conversationId));
  }

  async listMessages(principal: Principal, conversationId: string, after = 0, limit = 100): Promise<MessageView[]> {
    const { conversation, messages } = await inTenantScope(this.dataSource, principal.tenantId, async (manager) => {
      const conversation = await this.access.findConversation(principal, conversationId, manager);
      const messages = await manager.find(Message, {
        where: { conversationId: conversation.id, tenantId: conversation.tenantId, sequence: MoreThan(after) },
        order: { sequence: 'ASC' },
        take: limit,
      });
      return { conversation, messages };
    });
    return Promise.all(
      messages.map(async (message) => {
        const scope = messageTextScope(conversation.tenantId, conversation.visitorId, message.id);
        return MessageView.of(message, await this.cipher.decrypt(scope, message.textCiphertext));
      }),
    );
  }
}
