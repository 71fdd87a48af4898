import { Module } from '@nestjs/common';
import { AgentsController } from '../agents/agents.controller';
import { HandoffRequestedHandler } from './handoff-requested.handler';

@Module({ controllers: [AgentsController, HandoffRequestedHandler] })
export class RoutingModule {}
