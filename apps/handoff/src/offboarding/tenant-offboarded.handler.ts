import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { type EventEnvelope, type TenantOffboardedV1, tenantOffboardedV1 } from '@candor/contracts';
import type { EventContext } from '@candor/messaging';

/** An off-boarded tenant's rows go: its conversations can no longer wait, nor its agents take them. */
@Controller()
export class TenantOffboardedHandler {
  @EventPattern(tenantOffboardedV1.topic)
  async onOffboarded(@Payload() event: EventEnvelope<TenantOffboardedV1>, @Ctx() context: EventContext): Promise<void> {
    const tenant = [event.payload.tenantId];
    await context.manager.query(`DELETE FROM "handoff"."queue_entries" WHERE "tenant_id" = $1`, tenant);
    await context.manager.query(`DELETE FROM "handoff"."agent_availability" WHERE "tenant_id" = $1`, tenant);
  }
}
