import { Module } from '@nestjs/common';
import { Queue } from './queue';
import { QueueEventsHandler } from './queue-events.handler';
import { QueueTimeoutSweeper } from './queue-timeout.sweeper';

@Module({ controllers: [QueueEventsHandler], providers: [Queue, QueueTimeoutSweeper], exports: [Queue] })
export class QueueModule {}
