import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeysController } from './api-keys.controller';
import { OperatorGuard } from './operator.guard';
import { PrivacyNoticesController } from './privacy-notices.controller';
import { TenancyService } from './tenancy.service';
import { Tenant } from './tenant.entity';
import { TenantsController } from './tenants.controller';

@Module({
  imports: [TypeOrmModule.forFeature([Tenant])],
  controllers: [TenantsController, ApiKeysController, PrivacyNoticesController],
  providers: [TenancyService, OperatorGuard],
  exports: [TypeOrmModule],
})
export class TenancyModule {}
