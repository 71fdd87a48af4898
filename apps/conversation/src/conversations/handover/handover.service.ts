import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@candor/auth';
import { inTenantScope } from '@candor/tenant-isolation';
import { ConversationAccess } from '../conversation-access';
import type { Conversation } from '../conversation.entity';
import { ConversationStreamGateway } from '../conversation-stream.gateway';
import { ConversationView, MessageView } from '../dto/conversation.views';
import { Transcript } from '../transcript';
import { ConversationStates, type Transition } from './conversation-states';
import { ConversationError } from '../../conversation-error';

/** Agents take a conversation over from the bot, write in it as themselves, and hand it back or close it. */
@Injectable()
export class HandoverService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ConversationAccess,
    private readonly states: ConversationStates,
    private readonly transcript: Transcript,
    private readonly stream: ConversationStreamGateway,
  ) {}

  join(principal: Principal, conversationId: string, displayName: string): Promise<ConversationView> {
    const agent = { keyId: apiKeyOf(principal), displayName: displayName.trim() };
    return this.transition(principal, conversationId, (manager, conversation) =>
      this.states.applyOrConflict(manager, conversation, 'agent_joined', agent),
    );
  }

  leave(principal: Principal, conversationId: string): Promise<ConversationView> {
    return this.transition(principal, conversationId, async (manager, conversation) => {
      this.assertHolds(principal, conversation.agentKeyId);
      return this.states.applyOrConflict(manager, conversation, 'agent_left');
    });
  }

  close(principal: Principal, conversationId: string): Promise<ConversationView> {
    return this.transition(principal, conversationId, (manager, conversation) =>
      this.states.applyOrConflict(manager, conversation, 'closed'),
    );
  }

  async postAgentMessage(principal: Principal, conversationId: string, text: string): Promise<MessageView> {
    const appended = await inTenantScope(this.dataSource, principal.tenantId, async (manager) => {
      // Locked: the agent holding it cannot change while the message is written.
      const conversation = await this.access.findConversation(principal, conversationId, manager, true);
      if (conversation.status !== 'with_human') {
        throw new ConversationError('invalid_state', 'Join the conversation before writing in it');
      }
      this.assertHolds(principal, conversation.agentKeyId);
      const message = await this.transcript.append(
        manager,
        conversation,
        {
          senderKind: 'agent',
          displayName: conversation.agentDisplayName ?? 'Agent',
          automated: false,
          text: { plaintext: text.trim() },
        },
        { whileStatusIn: ['with_human'] },
      );
      if (!message) throw new ConversationError('invalid_state', 'The conversation changed hands meanwhile');
      return message;
    });
    const view = MessageView.of(appended.message, appended.text);
    this.stream.push(view);
    return view;
  }

  private async transition(
    principal: Principal,
    conversationId: string,
    change: (manager: EntityManager, conversation: Conversation) => Promise<Transition>,
  ): Promise<ConversationView> {
    const done = await inTenantScope(this.dataSource, principal.tenantId, async (manager) => {
      // Locked before any check (who holds it), so the check still holds when the change is made.
      const conversation = await this.access.findConversation(principal, conversationId, manager, true);
      return change(manager, conversation);
    });
    this.stream.push(MessageView.of(done.announcement.message, done.announcement.text));
    if (done.conversation.status === 'closed') this.stream.endConversation(conversationId);
    return ConversationView.of(done.conversation);
  }

  /** Only the agent holding a conversation writes in it or hands it back; an admin may always hand it back. */
  private assertHolds(principal: Principal, holder: string | null): void {
    const isAdmin = principal.kind === 'api-key' && principal.role === 'admin';
    if (!isAdmin && apiKeyOf(principal) !== holder) {
      throw new ConversationError('not_holding', 'Another agent holds this conversation');
    }
  }
}

function apiKeyOf(principal: Principal): string {
  return principal.kind === 'api-key' ? principal.keyId : '';
}
