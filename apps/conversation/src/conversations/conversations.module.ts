import { Module } from '@nestjs/common';
import { BotRepliesHandler } from './bot-replies.handler';
import { ConversationAccess } from './conversation-access';
import { ConversationStoreModule } from './conversation-store.module';
import { ConversationStreamGateway } from './conversation-stream.gateway';
import { ConversationsController } from './conversations.controller';
import { ConversationsService } from './conversations.service';
import { StreamLivenessRepository } from './stream-liveness.repository';
import { ConversationStates } from './handover/conversation-states';
import { HandoffEventsHandler } from './handover/handoff-events.handler';
import { HandoverController } from './handover/handover.controller';
import { HandoverService } from './handover/handover.service';

@Module({
  imports: [ConversationStoreModule],
  controllers: [ConversationsController, HandoverController, BotRepliesHandler, HandoffEventsHandler],
  providers: [
    ConversationsService,
    ConversationAccess,
    ConversationStreamGateway,
    StreamLivenessRepository,
    ConversationStates,
    HandoverService,
  ],
})
export class ConversationsModule {}
