import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { QuickReply, SenderKind } from '@candor/contracts';

/**
 * One message of a transcript, with who sent it and whether it was automated
 * (bot disclosure). The text is personal data: only its ciphertext, under the
 * visitor's key (`messageTextScope`), is stored.
 */
@Entity({ name: 'messages' })
export class Message {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  tenantId: string;

  @Column({ type: 'uuid' })
  conversationId: string;

  @Column({ type: 'integer' })
  sequence: number;

  @Column({ type: 'varchar', length: 10 })
  senderKind: SenderKind;

  @Column({ type: 'varchar', length: 80 })
  displayName: string;

  @Column({ type: 'boolean' })
  automated: boolean;

  @Column({ type: 'text' })
  textCiphertext: string;

  /** Buttons offered with a bot message (tenant-authored labels, not personal data). */
  @Column({ type: 'jsonb', default: [] })
  quickReplies: QuickReply[];

  /** The visitor message a bot reply answers (null for everything else). */
  @Column({ type: 'uuid', nullable: true })
  inReplyTo: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}
