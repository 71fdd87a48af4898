import { ApiProperty } from '@nestjs/swagger';
import type { KeyRotation } from '../key-rotation.entity';
import type { ShreddedSubjectKey } from '../shredded-subject-key.entity';

export class KeyRotationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Tenant key version everything is wrapped under since' }) keyVersion: number;
  @ApiProperty() subjectsRewrapped: number;
  @ApiProperty({ description: 'Shredded subjects whose keys in backups this rotation made unreadable' })
  erasuresCovered: number;
  @ApiProperty() startedAt: string;
  @ApiProperty({ description: 'From this moment older key versions are gone' }) completedAt: string;

  static of(rotation: KeyRotation): KeyRotationView {
    return {
      id: rotation.id,
      keyVersion: rotation.keyVersion,
      subjectsRewrapped: rotation.subjectsRewrapped,
      erasuresCovered: rotation.erasuresCovered,
      startedAt: rotation.startedAt.toISOString(),
      completedAt: rotation.completedAt.toISOString(),
    };
  }
}

export class ShreddingEvidenceView {
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ description: "When the subject's data key was destroyed" }) keyDestroyedAt: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When copies of the wrapped key in backups became unreadable (null: awaiting the next rotation)',
  })
  backupsUnreadableAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) rotationId: string | null;

  static of(record: ShreddedSubjectKey): ShreddingEvidenceView {
    return {
      subjectId: record.subjectId,
      keyDestroyedAt: record.keyDestroyedAt.toISOString(),
      backupsUnreadableAt: record.backupsUnreadableAt?.toISOString() ?? null,
      rotationId: record.rotationId,
    };
  }
}
