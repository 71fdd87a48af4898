import { Body, Controller, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Authenticated, CurrentPrincipal, type Principal } from '@candor/auth';
import { inTenantScope } from '@candor/tenant-isolation';
import { AgentAvailability } from './agent-availability.entity';
import { AvailabilityView, SetAvailabilityDto } from './dto/availability.dto';

@ApiTags('agents')
@Controller('v1/agents/me')
@Authenticated({ roles: ['agent'] })
export class AgentsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Put('availability')
  @ApiOperation({
    summary: 'Say whether you can take conversations now',
    description: 'When nobody is available, the bot offers a meeting or to leave a message instead of a queue.',
  })
  @ApiOkResponse({ type: AvailabilityView })
  async set(@CurrentPrincipal() principal: Principal, @Body() request: SetAvailabilityDto): Promise<AvailabilityView> {
    const availability = this.dataSource.manager.create(AgentAvailability, {
      keyId: principal.kind === 'api-key' ? principal.keyId : '',
      tenantId: principal.tenantId,
      available: request.available,
      teams: [...new Set(request.teams ?? [])],
      skills: [...new Set(request.skills ?? [])],
      updatedAt: new Date(),
    });
    await inTenantScope(this.dataSource, principal.tenantId, (manager) =>
      manager.upsert(AgentAvailability, availability, ['keyId']),
    );
    return AvailabilityView.of(availability);
  }
}
