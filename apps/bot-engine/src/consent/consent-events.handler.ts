import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  type ConsentFormPublishedV1,
  type ConsentRecordedV1,
  type EventEnvelope,
  consentFormPublishedV1,
  consentRecordedV1,
} from '@candor/contracts';
import type { EventContext } from '@candor/messaging';
import { CollectedValues } from '../conversations/collected-values';
import { ConsentForms } from './consent-forms';

/**
 * The bot's side of consent: it keeps each form's current version to show it; once the ledger has
 * recorded a grant made in the chat, the values it held are kept for it; and when a visitor withdraws
 * a purpose (in the chat or through an integrator), it deletes what it collected only for that purpose
 * and stops keeping the rest for it.
 */
@Controller()
export class ConsentEventsHandler {
  constructor(
    private readonly values: CollectedValues,
    private readonly forms: ConsentForms,
  ) {}

  @EventPattern(consentFormPublishedV1.topic)
  async onFormPublished(@Payload() event: EventEnvelope<ConsentFormPublishedV1>, @Ctx() context: EventContext) {
    await this.forms.keepNewest(context.manager, event.tenantId, event.payload);
  }

  @EventPattern(consentRecordedV1.topic)
  async onRecorded(@Payload() event: EventEnvelope<ConsentRecordedV1>, @Ctx() context: EventContext) {
    if (!event.subjectId) return;
    const { purpose } = event.payload;
    if (event.payload.action === 'granted')
      await this.values.confirm(context.manager, event.tenantId, event.subjectId, purpose);
    else await this.values.withdraw(context.manager, event.tenantId, event.subjectId, purpose);
  }
}
