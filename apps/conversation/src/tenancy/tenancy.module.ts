import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeysController } from './api-keys.controller';
import { OperatorGuard } from './operator.guard';
import { TenancyService } from './tenancy.service';
import { Tenant } from './tenant.entity';
import { TenantsController } from './tenants.controller';

@Module({
  imports: [TypeOrmModule.forFeature([Tenant])],
  controllers: [TenantsController, ApiKeysController],
  providers: [TenancyService, OperatorGuard],
  exports: [TypeOrmModule],
})
export class TenancyModule {}
