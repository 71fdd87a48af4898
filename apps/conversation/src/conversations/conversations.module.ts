import { Module } from '@nestjs/common';
import { TenancyModule } from '../tenancy/tenancy.module';
import { BotRepliesHandler } from './bot-replies.handler';
import { ConversationAccess } from './conversation-access';
import { ConversationStreamGateway } from './conversation-stream.gateway';
import { ConversationsController } from './conversations.controller';
import { ConversationsService } from './conversations.service';
import { StreamLivenessRepository } from './stream-liveness.repository';
import { ConversationStates } from './handover/conversation-states';
import { HandoffEventsHandler } from './handover/handoff-events.handler';
import { HandoverController } from './handover/handover.controller';
import { HandoverService } from './handover/handover.service';
import { Transcript } from './transcript';

@Module({
  imports: [TenancyModule],
  controllers: [ConversationsController, HandoverController, BotRepliesHandler, HandoffEventsHandler],
  providers: [
    ConversationsService,
    ConversationAccess,
    ConversationStreamGateway,
    StreamLivenessRepository,
    Transcript,
    ConversationStates,
    HandoverService,
  ],
})
export class ConversationsModule {}
