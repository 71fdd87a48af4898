import { Module } from '@nestjs/common';
import { TenantBotsController } from './tenant-bots.controller';
import { TenantBots } from './tenant-bots.service';

@Module({
  controllers: [TenantBotsController],
  providers: [TenantBots],
  exports: [TenantBots],
})
export class BotsModule {}
