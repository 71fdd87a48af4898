import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal } from '@candor/auth';
import { DataRequestsRepository } from './data-requests.repository';
import { DataRequestView, ListDataRequestsQuery } from './dto/data-request.views';

@ApiTags('data-subject requests')
@Controller('v1/data-requests')
@Authenticated({ roles: ['compliance', 'admin'] })
export class DataRequestsController {
  constructor(private readonly requests: DataRequestsRepository) {}

  @Get()
  @ApiOperation({ summary: "The tenant's data-subject requests, newest first (at most 200)" })
  @ApiOkResponse({ type: [DataRequestView] })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListDataRequestsQuery) {
    const requests = await this.requests.list(principal.tenantId, query.status, 200);
    return requests.map(DataRequestView.of);
  }
}
