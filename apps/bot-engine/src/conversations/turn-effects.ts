import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  botReplyCreatedV3,
  capturedFieldScope,
  consentDecidedV1,
  dataRequestedV1,
  handoffRequestedV1,
  messageTextScope,
  queueLeftV1,
} from '@candor/contracts';
import { BlindIndex, PersonalDataCipher } from '@candor/crypto';
import type { EventContext } from '@candor/messaging';
import type { Effect } from '../turns/turn.types';
import type { BotConversation } from './bot-conversation.entity';
import { CapturedField } from './captured-field.entity';
import { CollectedValues } from './collected-values';

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
    private readonly values: CollectedValues,
  ) {}

  async apply(effects: readonly Effect[], target: EffectTarget, context: EventContext): Promise<void> {
    for (const effect of effects) await this.applyOne(effect, target, context);
  }

  private async publishDecision(
    context: EventContext,
    target: EffectTarget,
    decision: {
      formId: string;
      purpose: string;
      granted: boolean;
      formVersion: number | null;
      formTextHash: string | null;
    },
    now: string,
  ): Promise<void> {
    await context.publish(
      consentDecidedV1,
      {
        conversationId: target.conversation.conversationId,
        formId: decision.formId,
        purpose: decision.purpose,
        formVersion: decision.formVersion,
        formTextHash: decision.formTextHash,
        granted: decision.granted,
        evidenceMessageId: target.inReplyTo,
        language: target.language,
        decidedAt: now,
      },
      { subjectId: target.visitorId },
    );
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
          purposes: effect.keptFor ? [effect.keptFor] : Object.keys(conversation.grantedConsents),
          pendingPurposes: effect.keptFor ? [] : Object.keys(conversation.pendingConsents),
          capturedAt: new Date(),
        });
        return;
      }
      case 'consent':
        if (effect.granted) await this.values.grant(context.manager, conversation, effect.purpose, effect.formId);
        else await this.values.release(context.manager, conversation, effect.purpose);
        await this.publishDecision(context, target, effect, now);
        return;
      case 'withdraw_all':
        // Each grant made here, recorded or not yet, is withdrawn on the grants' own topic and key, so the
        // ledger sees them in order.
        for (const [purpose, formId] of Object.entries({
          ...conversation.pendingConsents,
          ...conversation.grantedConsents,
        })) {
          await this.values.release(context.manager, conversation, purpose);
          const withdrawal = { purpose, formId, granted: false, formVersion: null, formTextHash: null };
          await this.publishDecision(context, target, withdrawal, now);
        }
        return;
      case 'handoff':
        await context.publish(
          handoffRequestedV1,
          { conversationId, team: effect.team, skill: effect.skill, reason: effect.reason, requestedAt: now },
          subject,
        );
        return;
      case 'leave_queue':
        await context.publish(queueLeftV1, { conversationId, evidenceMessageId: inReplyTo, leftAt: now }, subject);
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
