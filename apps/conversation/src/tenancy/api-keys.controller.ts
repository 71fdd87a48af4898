import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal } from '@candor/auth';
import { CreateApiKeyDto, RotateApiKeyDto } from './dto/create-api-key.dto';
import { ApiKeyView, CreatedApiKeyView } from './dto/tenancy.responses';
import { KeyIdParam } from './dto/key-id.param';
import { TenancyService } from './tenancy.service';

@ApiTags('api-keys')
@Controller('v1/api-keys')
@Authenticated({ roles: ['admin'] })
export class ApiKeysController {
  constructor(private readonly tenancy: TenancyService) {}

  @Post()
  @ApiOperation({ summary: "Issue an API key for the caller's tenant; the key is shown once" })
  @ApiCreatedResponse({ type: CreatedApiKeyView })
  create(@CurrentPrincipal() principal: Principal, @Body() request: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    return this.tenancy.createApiKey(principal, request.role, request.label ?? null, request.expiresInDays);
  }

  @Post(':keyId/rotate')
  @ApiOperation({
    summary: 'Replace a key: a new one with the same role and label; the old one keeps working for graceHours',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyView })
  @ApiNotFoundResponse({ description: 'No such API key in this tenant' })
  @ApiConflictResponse({ description: 'key_not_active: the key is revoked or expired' })
  rotate(
    @CurrentPrincipal() principal: Principal,
    @Param() params: KeyIdParam,
    @Body() request: RotateApiKeyDto,
  ): Promise<CreatedApiKeyView> {
    return this.tenancy.rotateApiKey(principal, params.keyId, request.graceHours ?? 24, request.expiresInDays);
  }

  @Get()
  @ApiOperation({ summary: "List the tenant's API keys (never their secrets)" })
  @ApiOkResponse({ type: [ApiKeyView] })
  list(@CurrentPrincipal() principal: Principal): Promise<ApiKeyView[]> {
    return this.tenancy.listApiKeys(principal.tenantId);
  }

  @Delete(':keyId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key; every service stops accepting it' })
  @ApiNoContentResponse({ description: 'Revoked (or already revoked)' })
  @ApiNotFoundResponse({ description: 'No such API key in this tenant' })
  @ApiConflictResponse({ description: 'cannot_revoke_own_key: use another admin key' })
  async revoke(@CurrentPrincipal() principal: Principal, @Param() params: KeyIdParam): Promise<void> {
    await this.tenancy.revokeApiKey(
      principal.tenantId,
      params.keyId,
      principal.kind === 'api-key' ? principal.keyId : '',
    );
  }
}
