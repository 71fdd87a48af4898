import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The bot's own state for one conversation. */
@Entity({ name: 'bot_conversations' })
export class BotConversation {
  @PrimaryColumn({ type: 'uuid' })
  conversationId: string;

  @Column({ type: 'uuid' })
  tenantId: string;

  @Column({ type: 'varchar', length: 80 })
  personaName: string;

  @Column({ type: 'varchar', length: 5, nullable: true })
  locale: string | null;

  @Column({ type: 'integer', default: 0 })
  visitorTurns: number;

  @Column({ type: 'timestamptz', nullable: true })
  greetedAt: Date | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}
