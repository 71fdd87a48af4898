import { Module } from '@nestjs/common';
import { DataRequestedHandler } from './data-requested.handler';
import { DataRequestsController } from './data-requests.controller';
import { DataRequestsRepository } from './data-requests.repository';

@Module({
  controllers: [DataRequestsController, DataRequestedHandler],
  providers: [DataRequestsRepository],
})
export class DataRequestsModule {}
