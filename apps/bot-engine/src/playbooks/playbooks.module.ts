import { Module } from '@nestjs/common';
import { IsolatedPlaybookParser } from './isolated-playbook-parser';
import { PlaybooksController } from './playbooks.controller';
import { Playbooks } from './playbooks.service';

@Module({
  controllers: [PlaybooksController],
  providers: [Playbooks, IsolatedPlaybookParser],
  exports: [Playbooks],
})
export class PlaybooksModule {}
