import { Module } from '@nestjs/common';
import { PlaybooksController } from './playbooks.controller';
import { Playbooks } from './playbooks.service';

@Module({
  controllers: [PlaybooksController],
  providers: [Playbooks],
  exports: [Playbooks],
})
export class PlaybooksModule {}
