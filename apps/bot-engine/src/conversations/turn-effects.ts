import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  botReplyCreatedV3,
  consentDecidedV1,
  dataRequestedV1,
  handoffRequestedV1,
  messageTextScope,
} from '@candor/contracts';
import { BlindIndex, PersonalDataCipher } from '@candor/crypto';
import type { EventContext } from '@candor/messaging';
import type { Effect } from '../turns/turn.types';
import type { BotConversation } from './bot-conversation.entity';
import { CapturedField, capturedFieldScope } from './captured-field.entity';

export interface EffectTarget {
  conversation: BotConversation;
  visitorId: string;
  /** The visitor message being answered (evidence for consents and requests), or null. */
  inReplyTo: string | null;
  language: string;
}

/**
 * Carries out a turn's effects inside the event's transaction: replies leave encrypted under the
 * visitor's key; collected values are stored encrypted; consents, hand-offs and data requests
 * become events through the outbox, so they happen if and only if the turn commits.
 */
@Injectable()
export class TurnEffects {
  constructor(
    private readonly cipher: PersonalDataCipher,
    private readonly blindIndex: BlindIndex,
  ) {}

  async apply(effects: readonly Effect[], target: EffectTarget, context: EventContext): Promise<void> {
    for (const effect of effects) await this.applyOne(effect, target, context);
  }

  private async applyOne(effect: Effect, target: EffectTarget, context: EventContext): Promise<void> {
    const { conversation, visitorId, inReplyTo } = target;
    const conversationId = conversation.conversationId;
    const now = new Date().toISOString();
    const subject = { subjectId: visitorId };
    switch (effect.kind) {
      case 'reply': {
        const replyId = randomUUID();
        const scope = messageTextScope(conversation.tenantId, visitorId, replyId);
        await context.publish(
          botReplyCreatedV3,
          {
            conversationId,
            replyId,
            inReplyTo,
            personaName: conversation.personaName,
            encryptedText: await this.cipher.encrypt(scope, effect.text),
            quickReplies: effect.quickReplies,
            expects: effect.expects,
            createdAt: now,
          },
          subject,
        );
        return;
      }
      case 'capture': {
        const id = randomUUID();
        const scope = capturedFieldScope(conversation.tenantId, visitorId, id, effect.field);
        const indexed = effect.field === 'email' || effect.field === 'phone';
        await context.manager.insert(CapturedField, {
          id,
          tenantId: conversation.tenantId,
          conversationId,
          visitorId,
          field: effect.field,
          valueCiphertext: await this.cipher.encrypt(scope, effect.value),
          blindIndex: indexed
            ? await this.blindIndex.of(conversation.tenantId, effect.field as 'email' | 'phone', effect.value)
            : null,
          capturedAt: new Date(),
        });
        return;
      }
      case 'consent':
        // What was collected in this conversation is now kept for this purpose too (until it is withdrawn).
        if (effect.granted) {
          await context.manager.query(
            `UPDATE "bot_engine"."captured_fields" SET "purposes" = array_append("purposes", $2)
             WHERE "conversation_id" = $1 AND NOT ($2 = ANY("purposes"))`,
            [conversationId, effect.purpose],
          );
        }
        await context.publish(
          consentDecidedV1,
          {
            conversationId,
            formId: effect.formId,
            purpose: effect.purpose,
            formVersion: effect.formVersion,
            formTextHash: effect.formTextHash,
            granted: effect.granted,
            evidenceMessageId: inReplyTo,
            language: target.language,
            decidedAt: now,
          },
          subject,
        );
        return;
      case 'handoff':
        await context.publish(
          handoffRequestedV1,
          { conversationId, team: effect.team, skill: effect.skill, reason: effect.reason, requestedAt: now },
          subject,
        );
        return;
      case 'data_request':
        await context.publish(
          dataRequestedV1,
          { conversationId, request: effect.request, evidenceMessageId: inReplyTo, requestedAt: now },
          subject,
        );
        return;
    }
  }
}
