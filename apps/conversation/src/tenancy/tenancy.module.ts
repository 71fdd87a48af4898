import { Module } from '@nestjs/common';
import { ConversationStoreModule } from '../conversations/conversation-store.module';
import { ApiKeysController } from './api-keys.controller';
import { OperatorGuard } from './operator.guard';
import { PrivacyNoticesController } from './privacy-notices.controller';
import { PrivacyNotices } from './privacy-notices.service';
import { TenancyService } from './tenancy.service';
import { TenantsController } from './tenants.controller';

@Module({
  controllers: [TenantsController, ApiKeysController, PrivacyNoticesController],
  imports: [ConversationStoreModule],
  providers: [TenancyService, PrivacyNotices, OperatorGuard],
})
export class TenancyModule {}
