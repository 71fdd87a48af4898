import { Module } from '@nestjs/common';
import { KeyRotationController } from './key-rotation.controller';
import { KeyRotationScheduler } from './key-rotation.scheduler';
import { SubjectKeyDestroyedHandler } from './subject-key-destroyed.handler';

@Module({
  controllers: [KeyRotationController, SubjectKeyDestroyedHandler],
  providers: [KeyRotationScheduler],
})
export class KeyRotationModule {}
