import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal } from '@candor/auth';
import {
  PlaybookKeyParam,
  PlaybookSourceDto,
  PlaybookSummaryView,
  PlaybookVersionParam,
  PlaybookVersionView,
} from './dto/playbook.dto';
import { PLAYBOOK_JSON_SCHEMA } from './model';
import { Playbooks } from './playbooks.service';

const NOT_FOUND = 'No such playbook version';
const INVALID = 'invalid_playbook: `details` lists each error with its JSON pointer `path` and `nodeId`';

@ApiTags('playbooks')
@Controller('v1')
export class PlaybooksController {
  constructor(private readonly playbooks: Playbooks) {}

  @Get('playbook-schema')
  @ApiOperation({ summary: 'The JSON Schema playbooks are written against (public)' })
  @ApiOkResponse({ description: 'A JSON Schema (draft-07)', schema: { type: 'object' } })
  schema(): object {
    return PLAYBOOK_JSON_SCHEMA;
  }

  @Get('playbooks')
  @Authenticated({ roles: ['admin', 'agent'] })
  @ApiOkResponse({ type: [PlaybookSummaryView] })
  list(@CurrentPrincipal() principal: Principal): Promise<PlaybookSummaryView[]> {
    return this.playbooks.list(principal.tenantId);
  }

  @Post('playbooks/:key/versions')
  @Authenticated({ roles: ['admin'] })
  @ApiOperation({ summary: 'Upload a new draft version (JSON or YAML), validated before it is stored' })
  @ApiCreatedResponse({ type: PlaybookVersionView })
  @ApiUnprocessableEntityResponse({ description: INVALID })
  async add(
    @CurrentPrincipal() principal: Principal,
    @Param() params: PlaybookKeyParam,
    @Body() request: PlaybookSourceDto,
  ): Promise<PlaybookVersionView> {
    return PlaybookVersionView.of(await this.playbooks.addVersion(principal, params.key, request));
  }

  @Get('playbooks/:key/versions/:version')
  @Authenticated({ roles: ['admin', 'agent'] })
  @ApiOkResponse({ type: PlaybookVersionView })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async get(@CurrentPrincipal() principal: Principal, @Param() params: PlaybookVersionParam) {
    return PlaybookVersionView.of(await this.playbooks.get(principal.tenantId, params.key, params.version));
  }

  @Put('playbooks/:key/versions/:version')
  @Authenticated({ roles: ['admin'] })
  @ApiOperation({ summary: 'Replace a draft; a published version is immutable (409)' })
  @ApiOkResponse({ type: PlaybookVersionView })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'version_immutable' })
  @ApiUnprocessableEntityResponse({ description: INVALID })
  async replace(
    @CurrentPrincipal() principal: Principal,
    @Param() params: PlaybookVersionParam,
    @Body() request: PlaybookSourceDto,
  ): Promise<PlaybookVersionView> {
    const version = await this.playbooks.replaceDraft(principal, params.key, params.version, request);
    return PlaybookVersionView.of(version);
  }

  @Post('playbooks/:key/versions/:version/publish')
  @HttpCode(200)
  @Authenticated({ roles: ['admin'] })
  @ApiOperation({
    summary: 'Publish a version: it becomes immutable, and new conversations of the active playbook start it',
  })
  @ApiOkResponse({ type: PlaybookVersionView })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async publish(@CurrentPrincipal() principal: Principal, @Param() params: PlaybookVersionParam) {
    return PlaybookVersionView.of(await this.playbooks.publish(principal, params.key, params.version));
  }
}
