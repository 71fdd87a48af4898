import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConversationStatus } from '@candor/contracts';
import type { TurnState } from '../turns/turn.types';

/** The bot's own state for one conversation. Holds no personal data: collected values live in captured_fields. */
@Entity({ name: 'bot_conversations' })
export class BotConversation {
  @PrimaryColumn({ type: 'uuid' })
  conversationId: string;

  @Column({ type: 'uuid' })
  tenantId: string;

  /** The persona the conversation started with. */
  @Column({ type: 'varchar', length: 80 })
  personaName: string;

  @Column({ type: 'varchar', length: 5, nullable: true })
  locale: string | null;

  @Column({ type: 'integer', default: 0 })
  visitorTurns: number;

  @Column({ type: 'timestamptz', nullable: true })
  greetedAt: Date | null;

  /** As the conversation service last announced it: the bot only speaks while it is `bot`. */
  @Column({ type: 'varchar', length: 20, default: 'bot' })
  status: ConversationStatus;

  @Column({ type: 'jsonb', nullable: true })
  turnState: TurnState | null;

  /** The playbook version the conversation started with, kept for its whole life. */
  @Column({ type: 'varchar', length: 63, nullable: true })
  playbookKey: string | null;

  @Column({ type: 'integer', nullable: true })
  playbookVersion: number | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  jurisdiction: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  pageUrl: string | null;

  /** The tenant's privacy notice shown when the conversation started, and the full policy it links to. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  privacyNoticeVersion: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  privacyPolicyUrl: string | null;

  /** The visitor (pseudonym) of the conversation, once an event has named them. */
  @Column({ type: 'uuid', nullable: true })
  visitorId: string | null;

  /** Purposes the visitor granted here that the consent ledger has recorded, with the form asked. */
  @Column({ type: 'jsonb', default: {} })
  grantedConsents: Record<string, string>;

  /** Granted here but not yet recorded by the ledger: they hold collected values, they do not keep them. */
  @Column({ type: 'jsonb', default: {} })
  pendingConsents: Record<string, string>;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  /** Changes at every write (a trigger sets it): null only for a row not written since revisions began. */
  @Column({ type: 'uuid', nullable: true })
  revision: string | null;
}
