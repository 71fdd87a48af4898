import { Module } from '@nestjs/common';
import { AgentAvailabilityRepository } from '../agents/agent-availability.repository';
import { AgentsController } from '../agents/agents.controller';
import { TenantOffboardedHandler } from '../offboarding/tenant-offboarded.handler';
import { QueueModule } from '../queue/queue.module';
import { HandoffRequestedHandler } from './handoff-requested.handler';

@Module({
  imports: [QueueModule],
  controllers: [AgentsController, HandoffRequestedHandler, TenantOffboardedHandler],
  providers: [AgentAvailabilityRepository],
})
export class RoutingModule {}
