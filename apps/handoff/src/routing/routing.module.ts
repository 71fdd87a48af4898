import { Module } from '@nestjs/common';
import { AgentsController } from '../agents/agents.controller';
import { TenantOffboardedHandler } from '../offboarding/tenant-offboarded.handler';
import { HandoffRequestedHandler } from './handoff-requested.handler';

@Module({ controllers: [AgentsController, HandoffRequestedHandler, TenantOffboardedHandler] })
export class RoutingModule {}
