import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { type DataRequestedV1, type EventEnvelope, dataRequestedV1 } from '@candor/contracts';
import type { EventContext } from '@candor/messaging';
import { DataRequest } from './data-request.entity';
import { DataRequestsRepository } from './data-requests.repository';

/**
 * Opens the request a visitor made in the chat. Carrying it out (shredding the subject key, answering
 * an access request) is the DSR workflow's job; here it is recorded, with its evidence, exactly once.
 */
@Controller()
export class DataRequestedHandler {
  constructor(private readonly requests: DataRequestsRepository) {}

  @EventPattern(dataRequestedV1.topic)
  async onRequested(@Payload() event: EventEnvelope<DataRequestedV1>, @Ctx() context: EventContext): Promise<void> {
    // The bot always names the visitor; an event without a subject has nobody to act for.
    if (!event.subjectId) return;
    await this.requests.open(
      context.manager,
      Object.assign(new DataRequest(), {
        id: event.id,
        tenantId: event.tenantId,
        subjectId: event.subjectId,
        kind: event.payload.request,
        channel: 'chat',
        conversationId: event.payload.conversationId,
        evidenceMessageId: event.payload.evidenceMessageId,
        status: 'received',
        receivedAt: new Date(event.payload.requestedAt),
      }),
    );
  }
}
