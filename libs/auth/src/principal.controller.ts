import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, type SchemaObject } from '@nestjs/swagger';
import { API_KEY_ROLES } from '@candor/contracts';
import { Authenticated } from './authenticated.decorator';
import { CurrentPrincipal } from './current-principal.decorator';
import type { Principal } from './principal';

const PRINCIPAL_SCHEMA: SchemaObject = {
  oneOf: [
    {
      type: 'object',
      required: ['kind', 'tenantId', 'role', 'keyId'],
      properties: {
        kind: { type: 'string', enum: ['api-key'] },
        tenantId: { type: 'string', format: 'uuid' },
        role: { type: 'string', enum: [...API_KEY_ROLES] },
        keyId: { type: 'string' },
      },
    },
    {
      type: 'object',
      required: ['kind', 'tenantId', 'conversationId', 'visitorId', 'expiresAt'],
      properties: {
        kind: { type: 'string', enum: ['visitor'] },
        tenantId: { type: 'string', format: 'uuid' },
        conversationId: { type: 'string', format: 'uuid' },
        visitorId: { type: 'string', format: 'uuid' },
        expiresAt: { type: 'integer', description: 'Seconds since the epoch' },
      },
    },
  ],
};

/** Lets an integrator check which tenant and role a credential carries, on any service. */
@ApiTags('auth')
@Controller('v1/auth')
export class PrincipalController {
  @Get('principal')
  @Authenticated({ roles: [...API_KEY_ROLES], visitors: true })
  @ApiOperation({ summary: 'Who am I: the tenant and role (or visitor scope) of the bearer credential' })
  @ApiOkResponse({ description: 'The principal', schema: PRINCIPAL_SCHEMA })
  whoAmI(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}
