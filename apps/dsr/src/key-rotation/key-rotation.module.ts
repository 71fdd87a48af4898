import { Module } from '@nestjs/common';
import { ErasureEvidenceRepository } from './erasure-evidence.repository';
import { KeyRotationController } from './key-rotation.controller';
import { KeyRotationScheduler } from './key-rotation.scheduler';
import { SubjectKeyDestroyedHandler } from './subject-key-destroyed.handler';

@Module({
  controllers: [KeyRotationController, SubjectKeyDestroyedHandler],
  providers: [KeyRotationScheduler, ErasureEvidenceRepository],
})
export class KeyRotationModule {}
