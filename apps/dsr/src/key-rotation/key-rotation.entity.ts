import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One completed rotation of a tenant's key-encryption key, kept as erasure evidence. */
@Entity({ name: 'key_rotations' })
export class KeyRotation {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  tenantId: string;

  @Column({ type: 'integer' })
  keyVersion: number;

  @Column({ type: 'integer' })
  subjectsRewrapped: number;

  /** Shredded subjects whose old wrapped keys (in backups) this rotation made unreadable. */
  @Column({ type: 'integer' })
  erasuresCovered: number;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz' })
  completedAt: Date;
}
