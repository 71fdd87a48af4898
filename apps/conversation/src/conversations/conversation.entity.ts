import { Column, Entity, PrimaryColumn } from 'typeorm';

export const CONVERSATION_STATUSES = ['bot', 'waiting_for_human', 'with_human', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

@Entity({ name: 'conversations' })
export class Conversation {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  tenantId: string;

  /** Pseudonymous id of the visitor (the data subject); never their name or contact. */
  @Column({ type: 'uuid' })
  visitorId: string;

  @Column({ type: 'varchar', length: 20 })
  status: ConversationStatus;

  @Column({ type: 'varchar', length: 5, nullable: true })
  locale: string | null;

  /** The privacy notice version shown before the transcript started. */
  @Column({ type: 'varchar', length: 40 })
  privacyNoticeVersion: string;

  /** Highest message sequence so far; incremented under a row lock to order messages. */
  @Column({ type: 'integer', default: 0 })
  messageCount: number;

  @Column({ type: 'timestamptz' })
  startedAt: Date;
}
