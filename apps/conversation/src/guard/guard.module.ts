import { Module } from '@nestjs/common';
import { GuardPolicyController } from './guard-policy.controller';
import { GuardPolicyService } from './guard-policy.service';

@Module({
  controllers: [GuardPolicyController],
  providers: [GuardPolicyService],
})
export class GuardModule {}
