import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal } from '@candor/auth';
import { ConversationIdParam } from '../dto/conversation-params';
import { ConversationView, MessageView } from '../dto/conversation.views';
import { AgentMessageDto, JoinConversationDto } from './dto/agent.dto';
import { HandoverService } from './handover.service';

const AGENTS = { roles: ['agent', 'admin'] as ('agent' | 'admin')[] };

@ApiTags('hand-over')
@ApiNotFoundResponse({ description: 'No such conversation for this caller' })
@Controller('v1/conversations/:id')
export class HandoverController {
  constructor(private readonly handover: HandoverService) {}

  @Post('agent')
  @HttpCode(200)
  @Authenticated(AGENTS)
  @ApiOperation({
    summary: 'Take the conversation over from the bot (or from the queue)',
    description: 'The transcript says a person joined; the bot stays silent until the agent leaves.',
  })
  @ApiOkResponse({ type: ConversationView })
  @ApiConflictResponse({ description: 'Already with an agent, or closed' })
  join(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ConversationIdParam,
    @Body() request: JoinConversationDto,
  ): Promise<ConversationView> {
    return this.handover.join(principal, params.id, request.displayName);
  }

  @Delete('agent')
  @Authenticated(AGENTS)
  @ApiOperation({ summary: 'Hand the conversation back to the bot; the transcript says the person left' })
  @ApiOkResponse({ type: ConversationView })
  @ApiConflictResponse({ description: 'invalid_state: no agent holds the conversation' })
  leave(@CurrentPrincipal() principal: Principal, @Param() params: ConversationIdParam): Promise<ConversationView> {
    return this.handover.leave(principal, params.id);
  }

  @Post('agent/messages')
  @Authenticated(AGENTS)
  @ApiOperation({ summary: 'Write to the visitor as the agent holding the conversation (not automated)' })
  @ApiCreatedResponse({ type: MessageView })
  @ApiConflictResponse({ description: 'invalid_state: join the conversation before writing in it' })
  write(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ConversationIdParam,
    @Body() request: AgentMessageDto,
  ): Promise<MessageView> {
    return this.handover.postAgentMessage(principal, params.id, request.text);
  }

  @Post('close')
  @HttpCode(200)
  @Authenticated({ roles: ['agent', 'admin'], visitors: true })
  @ApiOperation({ summary: 'Close the conversation (the visitor, an agent or an admin)' })
  @ApiOkResponse({ type: ConversationView })
  @ApiConflictResponse({ description: 'invalid_state: already closed' })
  close(@CurrentPrincipal() principal: Principal, @Param() params: ConversationIdParam): Promise<ConversationView> {
    return this.handover.close(principal, params.id);
  }
}
