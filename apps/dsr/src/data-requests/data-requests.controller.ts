import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Authenticated, CurrentPrincipal, type Principal } from '@candor/auth';
import { DataRequest } from './data-request.entity';
import { DataRequestView, ListDataRequestsQuery } from './dto/data-request.views';

@ApiTags('data-subject requests')
@Controller('v1/data-requests')
@Authenticated({ roles: ['compliance', 'admin'] })
export class DataRequestsController {
  constructor(@InjectRepository(DataRequest) private readonly requests: Repository<DataRequest>) {}

  @Get()
  @ApiOperation({ summary: "The tenant's data-subject requests, newest first (at most 200)" })
  @ApiOkResponse({ type: [DataRequestView] })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListDataRequestsQuery) {
    const requests = await this.requests.find({
      where: { tenantId: principal.tenantId, ...(query.status ? { status: query.status } : {}) },
      order: { receivedAt: 'DESC' },
      take: 200,
    });
    return requests.map(DataRequestView.of);
  }
}
