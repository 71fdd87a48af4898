import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataRequest } from './data-request.entity';
import { DataRequestedHandler } from './data-requested.handler';
import { DataRequestsController } from './data-requests.controller';

@Module({
  imports: [TypeOrmModule.forFeature([DataRequest])],
  controllers: [DataRequestsController, DataRequestedHandler],
})
export class DataRequestsModule {}
