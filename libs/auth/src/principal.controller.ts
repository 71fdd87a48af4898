import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_KEY_ROLES } from '@candor/contracts';
import { Authenticated } from './authenticated.decorator';
import { CurrentPrincipal } from './current-principal.decorator';
import type { Principal } from './principal';

/** Lets an integrator check which tenant and role a credential carries, on any service. */
@ApiTags('auth')
@Controller('v1/auth')
export class PrincipalController {
  @Get('principal')
  @Authenticated({ roles: [...API_KEY_ROLES], visitors: true })
  @ApiOperation({ summary: 'Who am I: the tenant and role (or visitor scope) of the bearer credential' })
  @ApiOkResponse({ description: 'The principal' })
  whoAmI(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}
