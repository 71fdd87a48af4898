import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DataRequestKind } from '@candor/contracts';

export const DATA_REQUEST_STATUSES = ['received', 'completed', 'rejected'] as const;
export type DataRequestStatus = (typeof DATA_REQUEST_STATUSES)[number];

/**
 * A data-subject request (erasure, access, unsubscribe) as it arrived, keyed by the event that
 * carried it so a replay opens it once. Holds the subject's pseudonym only.
 */
@Entity({ name: 'data_requests' })
export class DataRequest {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  tenantId: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'varchar', length: 20 })
  kind: DataRequestKind;

  /** Where it was asked: `chat` (the bot) for now. */
  @Column({ type: 'varchar', length: 20 })
  channel: string;

  @Column({ type: 'uuid', nullable: true })
  conversationId: string | null;

  @Column({ type: 'uuid', nullable: true })
  evidenceMessageId: string | null;

  @Column({ type: 'varchar', length: 20 })
  status: DataRequestStatus;

  @Column({ type: 'timestamptz' })
  receivedAt: Date;
}
