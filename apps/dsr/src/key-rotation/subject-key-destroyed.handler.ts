import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { type EventEnvelope, type SubjectKeyDestroyedV1, subjectKeyDestroyedV1 } from '@candor/contracts';
import type { EventContext } from '@candor/messaging';
import { ShreddedSubjectKey } from './shredded-subject-key.entity';

/** Records each shredded subject, so the next rotation of its tenant's key can cover its backups. */
@Controller()
export class SubjectKeyDestroyedHandler {
  @EventPattern(subjectKeyDestroyedV1.topic)
  async onDestroyed(@Payload() event: EventEnvelope<SubjectKeyDestroyedV1>, @Ctx() context: EventContext) {
    await context.manager
      .createQueryBuilder()
      .insert()
      .into(ShreddedSubjectKey)
      .values({
        tenantId: event.tenantId,
        subjectId: event.payload.subjectId,
        keyDestroyedAt: new Date(event.payload.destroyedAt),
        rotationId: null,
        backupsUnreadableAt: null,
      })
      .orIgnore()
      .execute();
  }
}
