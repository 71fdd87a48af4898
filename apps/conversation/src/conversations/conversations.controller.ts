import { Body, Controller, Get, Headers, Ip, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal } from '@candor/auth';
import { ConversationsService } from './conversations.service';
import { ConversationIdParam, ListConversationsQuery, ListMessagesQuery } from './dto/conversation-params';
import { ConversationView, MessageView, PostedMessageView, StartedConversationView } from './dto/conversation.views';
import { PostMessageDto } from './dto/post-message.dto';
import { StartConversationDto } from './dto/start-conversation.dto';

const READERS = { roles: ['admin', 'agent', 'integrator'] as const, visitors: true };

@ApiTags('conversations')
@Controller('v1/conversations')
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Post()
  @ApiOperation({
    summary: 'Start a conversation from the chat widget with the site key',
    description: "The request's Origin must be one of the tenant's allowed origins. Returns a visitor token.",
  })
  @ApiHeader({ name: 'Origin', required: true, description: "The page's origin, one of the tenant's allowed origins" })
  @ApiCreatedResponse({ type: StartedConversationView })
  @ApiUnauthorizedResponse({ description: 'invalid_site_key: no tenant has this site key' })
  @ApiForbiddenResponse({ description: "origin_not_allowed: the Origin is not one of the tenant's allowed origins" })
  @ApiTooManyRequestsResponse({ description: 'rate_limited: too many conversations started from this address or site' })
  start(
    @Body() request: StartConversationDto,
    @Ip() clientAddress: string,
    @Headers('origin') origin?: string,
  ): Promise<StartedConversationView> {
    return this.conversations.start(request, origin, clientAddress);
  }

  @Get()
  @Authenticated({ roles: ['admin', 'agent'] })
  @ApiOperation({
    summary: "The tenant's conversations, newest first: e.g. those waiting for a person, or flagged for a trained team",
  })
  @ApiOkResponse({ type: [ConversationView] })
  listConversations(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListConversationsQuery,
  ): Promise<ConversationView[]> {
    return this.conversations.listConversations(principal, query);
  }

  @Get(':id')
  @Authenticated({ ...READERS, roles: [...READERS.roles] })
  @ApiOkResponse({ type: ConversationView })
  @ApiNotFoundResponse({ description: 'No such conversation for this caller' })
  get(@CurrentPrincipal() principal: Principal, @Param() params: ConversationIdParam): Promise<ConversationView> {
    return this.conversations.getConversation(principal, params.id);
  }

  @Post(':id/messages')
  @Authenticated({ roles: [], visitors: true })
  @ApiOperation({
    summary: 'Post a visitor message (visitor token of this conversation)',
    description:
      "The sensitive-data guard applies the tenant's policy first: what it removes is never stored, and the " +
      'response says what it did.',
  })
  @ApiCreatedResponse({ type: PostedMessageView })
  @ApiNotFoundResponse({ description: 'No such conversation for this caller' })
  @ApiConflictResponse({ description: 'conversation_closed' })
  post(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ConversationIdParam,
    @Body() request: PostMessageDto,
  ): Promise<PostedMessageView> {
    return this.conversations.postVisitorMessage(principal, params.id, request);
  }

  @Get(':id/messages')
  @Authenticated({ ...READERS, roles: [...READERS.roles] })
  @ApiOperation({ summary: 'The transcript in order, each message with its sender kind and automated flag' })
  @ApiOkResponse({ type: [MessageView] })
  @ApiNotFoundResponse({ description: 'No such conversation for this caller' })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ConversationIdParam,
    @Query() query: ListMessagesQuery,
  ): Promise<MessageView[]> {
    return this.conversations.listMessages(principal, params.id, query.after, query.limit);
  }
}
