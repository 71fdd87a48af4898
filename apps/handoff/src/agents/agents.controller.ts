import { Body, Controller, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal } from '@candor/auth';
import { AgentAvailability } from './agent-availability.entity';
import { AgentAvailabilityRepository } from './agent-availability.repository';
import { AvailabilityView, SetAvailabilityDto } from './dto/availability.dto';

@ApiTags('agents')
@Controller('v1/agents/me')
@Authenticated({ roles: ['agent'] })
export class AgentsController {
  constructor(private readonly availability: AgentAvailabilityRepository) {}

  @Put('availability')
  @ApiOperation({
    summary: 'Say whether you can take conversations now',
    description: 'When nobody is available, the bot offers a meeting or to leave a message instead of a queue.',
  })
  @ApiOkResponse({ type: AvailabilityView })
  async set(@CurrentPrincipal() principal: Principal, @Body() request: SetAvailabilityDto): Promise<AvailabilityView> {
    const availability = Object.assign(new AgentAvailability(), {
      keyId: principal.kind === 'api-key' ? principal.keyId : '',
      tenantId: principal.tenantId,
      available: request.available,
      teams: [...new Set(request.teams ?? [])],
      skills: [...new Set(request.skills ?? [])],
      updatedAt: new Date(),
    });
    await this.availability.save(availability);
    return AvailabilityView.of(availability);
  }
}
