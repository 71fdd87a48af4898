import { Body, Controller, Delete, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CreateTenantDto } from './dto/create-tenant.dto';
import { CreatedTenantView } from './dto/tenancy.responses';
import { TenantIdParam } from './dto/tenant-id.param';
import { OperatorGuard } from './operator.guard';
import { TenancyService } from './tenancy.service';

@ApiTags('tenants')
@Controller('v1/tenants')
export class TenantsController {
  constructor(private readonly tenancy: TenancyService) {}

  @Post()
  @UseGuards(OperatorGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create a tenant (operator only, with the bootstrap key); returns its first admin API key' })
  @ApiCreatedResponse({ type: CreatedTenantView })
  create(@Body() request: CreateTenantDto): Promise<CreatedTenantView> {
    return this.tenancy.createTenant(request);
  }

  @Delete(':tenantId')
  @HttpCode(204)
  @UseGuards(OperatorGuard)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Off-board a tenant (operator only): destroy its key, so all its data becomes unreadable, then delete it',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'No such tenant' })
  @ApiServiceUnavailableResponse({ description: 'The key service is unavailable: nothing was changed' })
  async offboard(@Param() params: TenantIdParam): Promise<void> {
    await this.tenancy.offboardTenant(params.tenantId);
  }
}
