import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  type EventEnvelope,
  type SubjectKeyDestroyedV1,
  type TenantOffboardedV1,
  subjectKeyDestroyedV1,
  tenantOffboardedV1,
} from '@candor/contracts';
import { SubjectKeyRing } from '@candor/crypto';

/** Every service: forget an erased subject's (or an off-boarded tenant's) keys the moment it is announced. */
@Controller()
export class KeyCacheEvictionHandler {
  constructor(private readonly ring: SubjectKeyRing) {}

  @EventPattern(subjectKeyDestroyedV1.topic)
  onSubjectKeyDestroyed(@Payload() event: EventEnvelope<SubjectKeyDestroyedV1>): void {
    this.ring.evict(event.tenantId, event.payload.subjectId);
  }

  @EventPattern(tenantOffboardedV1.topic)
  onTenantOffboarded(@Payload() event: EventEnvelope<TenantOffboardedV1>): void {
    this.ring.evictTenant(event.payload.tenantId);
  }
}
