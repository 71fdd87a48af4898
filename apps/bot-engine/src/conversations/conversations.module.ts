import { Module } from '@nestjs/common';
import { BotsModule } from '../bots/bots.module';
import { PlaybooksModule } from '../playbooks/playbooks.module';
import { BotConversations } from './bot-conversations';
import { ConversationEventsHandler } from './conversation-events.handler';
import { TurnEffects } from './turn-effects';

@Module({
  imports: [BotsModule, PlaybooksModule],
  controllers: [ConversationEventsHandler],
  providers: [BotConversations, TurnEffects],
})
export class ConversationsModule {}
