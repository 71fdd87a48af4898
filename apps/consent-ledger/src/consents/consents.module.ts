import { Module } from '@nestjs/common';
import { ConsentFormsModule } from '../forms/consent-forms.module';
import { LedgerModule } from '../ledger/ledger.module';
import { AppendQueue } from './append-queue';
import { ChatConsentHandler } from './chat-consent.handler';
import { ConsentQueries } from './consent-queries';
import { ConsentRecorder } from './consent-recorder';
import { ConsentsController } from './consents.controller';
import { ConsentsService } from './consents.service';

@Module({
  imports: [LedgerModule, ConsentFormsModule],
  controllers: [ConsentsController, ChatConsentHandler],
  providers: [ConsentRecorder, ConsentQueries, ConsentsService, AppendQueue],
})
export class ConsentsModule {}
