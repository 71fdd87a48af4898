import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A subject whose data key was destroyed, and when copies of that key in
 * backups became unreadable too (the next tenant-key rotation).
 */
@Entity({ name: 'shredded_subject_keys' })
export class ShreddedSubjectKey {
  @PrimaryColumn({ type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'timestamptz' })
  keyDestroyedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  rotationId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  backupsUnreadableAt: Date | null;
}
