import { Module } from '@nestjs/common';
import { DataRequestedHandler } from './data-requested.handler';
import { DataRequestsController } from './data-requests.controller';

@Module({
  controllers: [DataRequestsController, DataRequestedHandler],
})
export class DataRequestsModule {}
