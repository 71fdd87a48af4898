import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { type EventEnvelope, type SubjectKeyDestroyedV1, subjectKeyDestroyedV1 } from '@candor/contracts';
import type { EventContext } from '@candor/messaging';
import { ErasureEvidenceRepository } from './erasure-evidence.repository';

/** Records each shredded subject, so the next rotation of its tenant's key can cover its backups. */
@Controller()
export class SubjectKeyDestroyedHandler {
  constructor(private readonly evidence: ErasureEvidenceRepository) {}

  @EventPattern(subjectKeyDestroyedV1.topic)
  async onDestroyed(@Payload() event: EventEnvelope<SubjectKeyDestroyedV1>, @Ctx() context: EventContext) {
    await this.evidence.recordShredding(
      context.manager,
      event.tenantId,
      event.payload.subjectId,
      new Date(event.payload.destroyedAt),
    );
  }
}
