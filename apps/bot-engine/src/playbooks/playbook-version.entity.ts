import { Column, Entity, PrimaryColumn } from 'typeorm';

export type PlaybookStatus = 'draft' | 'published';

/** One version of a tenant's playbook: its source as authored and the validated document. */
@Entity({ name: 'playbook_versions' })
export class PlaybookVersion {
  @PrimaryColumn({ type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ type: 'varchar', length: 63 })
  playbookKey: string;

  @PrimaryColumn({ type: 'integer' })
  version: number;

  /** A published version never changes again (a database trigger enforces it). */
  @Column({ type: 'varchar', length: 10 })
  status: PlaybookStatus;

  @Column({ type: 'varchar', length: 4 })
  format: 'json' | 'yaml';

  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'jsonb' })
  document: object;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
