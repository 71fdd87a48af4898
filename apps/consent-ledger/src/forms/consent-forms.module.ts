import { Module } from '@nestjs/common';
import { ConsentFormsController } from './consent-forms.controller';
import { ConsentForms } from './consent-forms.service';

@Module({
  controllers: [ConsentFormsController],
  providers: [ConsentForms],
  exports: [ConsentForms],
})
export class ConsentFormsModule {}
