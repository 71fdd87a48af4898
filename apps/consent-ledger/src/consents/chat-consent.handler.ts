import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  type ConsentDecidedV1,
  type DataRequestedV1,
  type EventEnvelope,
  consentDecidedV1,
  dataRequestedV1,
} from '@candor/contracts';
import type { EventContext } from '@candor/messaging';
import { ConsentLog } from '../ledger/consent-log';
import { ConsentQueries } from './consent-queries';
import { ConsentRecorder } from './consent-recorder';

/**
 * Consent given or refused in the chat reaches the ledger through events: a decision from the bot's
 * consent node (including the withdrawals the bot sends for its own grants on "stop"), and the
 * "unsubscribe" request, which withdraws what the visitor granted through other channels.
 * A replay appends nothing twice (the inbox), and a failed append is retried, then dead-lettered.
 */
@Controller()
export class ChatConsentHandler {
  constructor(
    private readonly recorder: ConsentRecorder,
    private readonly queries: ConsentQueries,
    private readonly log: ConsentLog,
  ) {}

  @EventPattern(consentDecidedV1.topic)
  async onDecided(@Payload() event: EventEnvelope<ConsentDecidedV1>, @Ctx() context: EventContext): Promise<void> {
    if (!event.subjectId) return;
    const { payload } = event;
    await this.recorder.record(
      context.manager,
      event.tenantId,
      [
        {
          subjectId: event.subjectId,
          purpose: payload.purpose,
          action: payload.granted ? 'granted' : 'withdrawn',
          legalBasis: 'consent',
          formId: payload.formId,
          formVersion: payload.formVersion,
          formTextHash: payload.formTextHash,
          channel: 'chat',
          evidence: { conversationId: payload.conversationId, messageId: payload.evidenceMessageId, reference: null },
          jurisdiction: null,
          actor: 'visitor',
          recordedAt: new Date(payload.decidedAt).toISOString(),
        },
      ],
      { lenientForms: true },
    );
  }

  @EventPattern(dataRequestedV1.topic)
  async onDataRequest(@Payload() event: EventEnvelope<DataRequestedV1>, @Ctx() context: EventContext) {
    if (event.payload.request !== 'unsubscribe' || !event.subjectId) return;
    // Under the log lock, so a grant being appended meanwhile is either seen here or comes after.
    await this.log.lock(context.manager, event.tenantId);
    const states = await this.queries.state(event.tenantId, event.subjectId, undefined, undefined, context.manager);
    // Grants made in this conversation are withdrawn by the bot itself, in order with them on their own topic.
    const granted = states.filter(
      (state) =>
        state.entry?.action === 'granted' && state.entry.evidence.conversationId !== event.payload.conversationId,
    );
    // A withdrawal names the form and text its grant named, and is never refused over them (a form the grant
    // could not confirm either): refused, it would be retried, dead-lettered and lost.
    await this.recorder.record(
      context.manager,
      event.tenantId,
      granted.map((state) => ({
        subjectId: event.subjectId as string,
        purpose: state.purpose,
        action: 'withdrawn' as const,
        legalBasis: 'consent' as const,
        formId: state.entry?.formId ?? null,
        formVersion: state.entry?.formVersion ?? null,
        formTextHash: state.entry?.formTextHash ?? null,
        channel: 'chat' as const,
        evidence: {
          conversationId: event.payload.conversationId,
          messageId: event.payload.evidenceMessageId,
          reference: null,
        },
        jurisdiction: null,
        actor: 'visitor' as const,
        recordedAt: new Date(event.payload.requestedAt).toISOString(),
      })),
      { lenientForms: true },
    );
  }
}
