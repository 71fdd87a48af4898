import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal } from '@candor/auth';
import { TenantBotView, UpdateTenantBotDto } from './dto/tenant-bot.dto';
import { TenantBots } from './tenant-bots.service';

@ApiTags('bot')
@Controller('v1/bot')
export class TenantBotsController {
  constructor(private readonly bots: TenantBots) {}

  @Get()
  @Authenticated({ roles: ['admin', 'agent', 'compliance'] })
  @ApiOperation({ summary: "The tenant's bot: persona, secure channel, meeting link and active playbook" })
  @ApiOkResponse({ type: TenantBotView })
  async get(@CurrentPrincipal() principal: Principal): Promise<TenantBotView> {
    return TenantBotView.of(await this.bots.stored(principal.tenantId));
  }

  @Put()
  @Authenticated({ roles: ['admin'] })
  @ApiOperation({
    summary: "Set the tenant's bot",
    description:
      'A persona that could pass as a human (a common first name, a photograph as avatar, a disclosure that ' +
      'does not say it is automated) is refused with 422 `persona_rejected`, listing every reason in `details`.',
  })
  @ApiOkResponse({ type: TenantBotView })
  @ApiUnprocessableEntityResponse({ description: 'persona_rejected or playbook_not_published' })
  async update(@CurrentPrincipal() principal: Principal, @Body() request: UpdateTenantBotDto): Promise<TenantBotView> {
    return TenantBotView.of(await this.bots.update(principal, request));
  }
}
