import { Module } from '@nestjs/common';
import { ApiKeysController } from './api-keys.controller';
import { OperatorGuard } from './operator.guard';
import { PrivacyNoticesController } from './privacy-notices.controller';
import { PrivacyNotices } from './privacy-notices.service';
import { TenancyService } from './tenancy.service';
import { TenantsController } from './tenants.controller';

@Module({
  controllers: [TenantsController, ApiKeysController, PrivacyNoticesController],
  providers: [TenancyService, PrivacyNotices, OperatorGuard],
})
export class TenancyModule {}
