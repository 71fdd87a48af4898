import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { type EventEnvelope, type SubjectKeyDestroyedV1, subjectKeyDestroyedV1 } from '@candor/contracts';
import { SubjectKeyRing } from '@candor/crypto';

/** Every service: forget an erased subject's data key the moment its destruction is announced. */
@Controller()
export class KeyCacheEvictionHandler {
  constructor(private readonly ring: SubjectKeyRing) {}

  @EventPattern(subjectKeyDestroyedV1.topic)
  onSubjectKeyDestroyed(@Payload() event: EventEnvelope<SubjectKeyDestroyedV1>): void {
    this.ring.evict(event.tenantId, event.payload.subjectId);
  }
}
