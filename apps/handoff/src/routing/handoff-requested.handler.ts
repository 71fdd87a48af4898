import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  type EventEnvelope,
  type HandoffRequestedV1,
  handoffQueuedV1,
  handoffRequestedV1,
  handoffUnstaffedV1,
} from '@candor/contracts';
import type { EventContext } from '@candor/messaging';
import { AgentAvailabilityRepository } from '../agents/agent-availability.repository';

/**
 * Routes the bot's request for a human: queued when an agent of the team (or of any team) with the
 * skill it needs, if any, is available; otherwise "unstaffed", so the bot offers a meeting or to
 * leave a message. The decision is made once per request: a replay publishes the same answer again,
 * which is harmless downstream.
 */
@Controller()
export class HandoffRequestedHandler {
  constructor(private readonly agents: AgentAvailabilityRepository) {}

  @EventPattern(handoffRequestedV1.topic)
  async onRequested(@Payload() event: EventEnvelope<HandoffRequestedV1>, @Ctx() context: EventContext): Promise<void> {
    const { conversationId, team, skill } = event.payload;
    const available = await this.agents.countAvailable(context.manager, event.tenantId, team, skill);
    const now = new Date().toISOString();
    if (available > 0) {
      await context.publish(handoffQueuedV1, {
        conversationId,
        team,
        skill,
        availableAgents: available,
        queuedAt: now,
      });
    } else {
      await context.publish(handoffUnstaffedV1, { conversationId, team, skill, decidedAt: now });
    }
  }
}
