import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type ConversationStatus, type StatusChangeReason, conversationStatusChangedV2 } from '@candor/contracts';
import { type EventMetadata, Outbox } from '@candor/messaging';
import type { Conversation } from '../conversation.entity';
import { ConversationsRepository } from '../conversations.repository';
import { type AppendedMessage, SYSTEM_DISPLAY_NAME, Transcript } from '../transcript';
import { type SystemEvent, systemMessage } from './system-messages';
import { ConversationError } from '../../conversation-error';

/**
 * Who may answer: bot → waiting for a human → with a human → back to the bot, and closed from anywhere.
 * A visitor who no longer wants to wait goes back to the bot; once a person joined, that is the person's call.
 */
const TRANSITIONS: Record<
  StatusChangeReason,
  { from: readonly ConversationStatus[]; to: ConversationStatus; says: SystemEvent }
> = {
  handoff_queued: { from: ['bot'], to: 'waiting_for_human', says: 'queued' },
  agent_joined: { from: ['bot', 'waiting_for_human'], to: 'with_human', says: 'joined' },
  agent_left: { from: ['with_human'], to: 'bot', says: 'left' },
  visitor_left_queue: { from: ['waiting_for_human'], to: 'bot', says: 'left_queue' },
  closed: { from: ['bot', 'waiting_for_human', 'with_human'], to: 'closed', says: 'closed' },
};

export interface Agent {
  keyId: string;
  displayName: string;
}

export interface Transition {
  conversation: Conversation;
  /** The system message that tells the visitor what changed. */
  announcement: AppendedMessage;
}

/**
 * Moves a conversation between states under its row lock, says so in the transcript as a system
 * message, and announces it on Kafka (the bot stays silent while a person holds it, and once closed).
 */
@Injectable()
export class ConversationStates {
  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly outbox: Outbox,
    private readonly transcript: Transcript,
  ) {}

  /** The transition, or null when the conversation is not in a state it can happen from. */
  async apply(
    manager: EntityManager,
    conversation: Pick<Conversation, 'id' | 'tenantId'>,
    reason: StatusChangeReason,
    options: { agent?: Agent; metadata?: Pick<EventMetadata, 'correlationId' | 'causationId'> } = {},
  ): Promise<Transition | null> {
    const current = await this.conversations.find(manager, conversation.tenantId, conversation.id, true);
    const transition = TRANSITIONS[reason];
    if (!current || !transition.from.includes(current.status)) return null;
    const previousStatus = current.status;
    const agentName = options.agent?.displayName ?? current.agentDisplayName ?? '';
    current.status = transition.to;
    current.agentKeyId = transition.to === 'with_human' ? (options.agent?.keyId ?? null) : null;
    current.agentDisplayName = transition.to === 'with_human' ? (options.agent?.displayName ?? null) : null;
    await this.conversations.setStatus(manager, current);
    const changed = await this.outbox.enqueue(
      manager,
      conversationStatusChangedV2,
      {
        conversationId: current.id,
        status: current.status,
        previousStatus,
        reason,
        changedAt: new Date().toISOString(),
      },
      { tenantId: current.tenantId, subjectId: current.visitorId, ...options.metadata },
    );
    const announcement = await this.transcript.append(
      manager,
      current,
      {
        senderKind: 'system',
        displayName: SYSTEM_DISPLAY_NAME,
        automated: true,
        text: { plaintext: systemMessage(transition.says, current.locale, agentName) },
      },
      { correlationId: changed.correlationId, causationId: changed.id },
    );
    if (!announcement) throw new Error('conversation vanished during a transition');
    return { conversation: current, announcement };
  }

  /** For the HTTP API: a refused transition is a conflict the caller can act on. */
  async applyOrConflict(
    manager: EntityManager,
    conversation: Pick<Conversation, 'id' | 'tenantId'>,
    reason: StatusChangeReason,
    agent?: Agent,
  ): Promise<Transition> {
    const transition = await this.apply(manager, conversation, reason, { agent });
    if (!transition) {
      const allowed = TRANSITIONS[reason].from.join(', ');
      throw new ConversationError('invalid_state', `Only possible while the conversation is ${allowed}`);
    }
    return transition;
  }
}
