import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KeyRotationController } from './key-rotation.controller';
import { KeyRotation } from './key-rotation.entity';
import { KeyRotationScheduler } from './key-rotation.scheduler';
import { ShreddedSubjectKey } from './shredded-subject-key.entity';
import { SubjectKeyDestroyedHandler } from './subject-key-destroyed.handler';

@Module({
  imports: [TypeOrmModule.forFeature([KeyRotation, ShreddedSubjectKey])],
  controllers: [KeyRotationController, SubjectKeyDestroyedHandler],
  providers: [KeyRotationScheduler],
})
export class KeyRotationModule {}
