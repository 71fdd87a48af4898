import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateTenantDto } from './dto/create-tenant.dto';
import { CreatedTenantView } from './dto/tenancy.responses';
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
}
