import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal } from '@candor/auth';
import { GuardPolicyView, UpdateGuardPolicyDto } from './dto/guard-policy.dto';
import { GuardPolicyService } from './guard-policy.service';

@ApiTags('sensitive-data guard')
@Controller('v1/guard-policy')
export class GuardPolicyController {
  constructor(private readonly policies: GuardPolicyService) {}

  @Get()
  @Authenticated({ roles: ['admin', 'compliance'] })
  @ApiOperation({ summary: 'What the guard does with each category of sensitive data in visitor messages' })
  @ApiOkResponse({ type: GuardPolicyView })
  async get(@CurrentPrincipal() principal: Principal): Promise<GuardPolicyView> {
    return { actions: await this.policies.get(principal.tenantId) };
  }

  @Put()
  @Authenticated({ roles: ['admin'] })
  @ApiOperation({ summary: 'Set allow, redact or block for some categories; the others are unchanged' })
  @ApiOkResponse({ type: GuardPolicyView })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Body() request: UpdateGuardPolicyDto,
  ): Promise<GuardPolicyView> {
    return { actions: await this.policies.update(principal, request.actions) };
  }
}
