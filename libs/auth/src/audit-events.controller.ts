import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { AUDITED_ACTIONS, AuditTrail, type AuditEventView } from '@candor/platform';
import { Authenticated } from './authenticated.decorator';
import { CurrentPrincipal } from './current-principal.decorator';
import type { Principal } from './principal';

export class AuditEventsQuery {
  @ApiPropertyOptional({ description: 'Only events after this event id (for paging)', pattern: '^[0-9]{1,18}$' })
  @IsOptional()
  @Matches(/^[0-9]{1,18}$/, { message: 'after must be an event id' })
  after?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

class AuditEventResponse {
  @ApiPropertyOptional() id: string;
  @ApiPropertyOptional({ format: 'uuid' }) tenantId: string;
  @ApiPropertyOptional({ enum: ['operator', 'api-key'] }) actorKind: string;
  @ApiPropertyOptional({ type: String, nullable: true }) actorKeyId: string | null;
  @ApiPropertyOptional({ enum: AUDITED_ACTIONS }) action: string;
  @ApiPropertyOptional({ type: String, nullable: true }) target: string | null;
  @ApiPropertyOptional({ format: 'date-time' }) occurredAt: string;
}

/** The tenant's trail of administrative actions on this service, for its compliance staff and admins. */
@ApiTags('audit')
@Controller('v1/audit-events')
export class AuditEventsController {
  constructor(private readonly trail: AuditTrail) {}

  @Get()
  @Authenticated({ roles: ['compliance', 'admin'] })
  @ApiOperation({ summary: 'Administrative actions on this service (keys, policies, notices, bots, playbooks…)' })
  @ApiOkResponse({ type: [AuditEventResponse] })
  list(@CurrentPrincipal() principal: Principal, @Query() query: AuditEventsQuery): Promise<AuditEventView[]> {
    return this.trail.list(principal.tenantId, query.after, query.limit ?? 100);
  }
}
