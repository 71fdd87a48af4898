import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Authenticated, CurrentPrincipal, type Principal } from '@candor/auth';
import { inTenantScope } from '@candor/tenant-isolation';
import { DataRequest } from './data-request.entity';
import { DataRequestView, ListDataRequestsQuery } from './dto/data-request.views';

@ApiTags('data-subject requests')
@Controller('v1/data-requests')
@Authenticated({ roles: ['compliance', 'admin'] })
export class DataRequestsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: "The tenant's data-subject requests, newest first (at most 200)" })
  @ApiOkResponse({ type: [DataRequestView] })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListDataRequestsQuery) {
    const requests = await inTenantScope(this.dataSource, principal.tenantId, (manager) =>
      manager.find(DataRequest, {
        where: { tenantId: principal.tenantId, ...(query.status ? { status: query.status } : {}) },
        order: { receivedAt: 'DESC' },
        take: 200,
      }),
    );
    return requests.map(DataRequestView.of);
  }
}
