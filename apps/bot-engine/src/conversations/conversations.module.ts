import { Module } from '@nestjs/common';
import { BotsModule } from '../bots/bots.module';
import { ConsentEventsHandler } from '../consent/consent-events.handler';
import { ConsentForms } from '../consent/consent-forms';
import { PlaybooksModule } from '../playbooks/playbooks.module';
import { BotConversations } from './bot-conversations';
import { CollectedValues } from './collected-values';
import { ConversationEventsHandler } from './conversation-events.handler';
import { TurnEffects } from './turn-effects';
import { UnconsentedValuesSweeper } from './unconsented-values.sweeper';

@Module({
  imports: [BotsModule, PlaybooksModule],
  controllers: [ConversationEventsHandler, ConsentEventsHandler],
  providers: [BotConversations, TurnEffects, ConsentForms, CollectedValues, UnconsentedValuesSweeper],
})
export class ConversationsModule {}
