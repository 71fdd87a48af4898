import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { type EventEnvelope, type TenantOffboardedV1, tenantOffboardedV1 } from '@candor/contracts';
import type { EventContext } from '@candor/messaging';
import { AgentAvailabilityRepository } from '../agents/agent-availability.repository';
import { Queue } from '../queue/queue';

/** An off-boarded tenant's rows go: its conversations can no longer wait, nor its agents take them. */
@Controller()
export class TenantOffboardedHandler {
  constructor(
    private readonly queue: Queue,
    private readonly agents: AgentAvailabilityRepository,
  ) {}

  @EventPattern(tenantOffboardedV1.topic)
  async onOffboarded(@Payload() event: EventEnvelope<TenantOffboardedV1>, @Ctx() context: EventContext): Promise<void> {
    await this.queue.deleteTenant(context.manager, event.payload.tenantId);
    await this.agents.deleteTenant(context.manager, event.payload.tenantId);
  }
}
