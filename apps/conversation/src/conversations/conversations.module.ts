import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TenancyModule } from '../tenancy/tenancy.module';
import { BotRepliesHandler } from './bot-replies.handler';
import { ConversationAccess } from './conversation-access';
import { ConversationStreamGateway } from './conversation-stream.gateway';
import { Conversation } from './conversation.entity';
import { ConversationsController } from './conversations.controller';
import { ConversationsService } from './conversations.service';
import { Message } from './message.entity';
import { Transcript } from './transcript';

@Module({
  imports: [TypeOrmModule.forFeature([Conversation, Message]), TenancyModule],
  controllers: [ConversationsController, BotRepliesHandler],
  providers: [ConversationsService, ConversationAccess, ConversationStreamGateway, Transcript],
})
export class ConversationsModule {}
