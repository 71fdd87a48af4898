import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CollectedField, ConversationStatus } from '@candor/contracts';

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

  /** The field the bot last asked for: the guard lets that identifier through in the next visitor message. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  awaitingField: CollectedField | null;

  /** Categories of sensitive data the guard acted on, so a trained team picks the conversation up. */
  @Column({ type: 'text', array: true, default: [] })
  flaggedCategories: string[];

  @Column({ type: 'timestamptz', nullable: true })
  flaggedAt: Date | null;

  /** The API key of the agent holding the conversation (status with_human), and the name shown for them. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  agentKeyId: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  agentDisplayName: string | null;
}
