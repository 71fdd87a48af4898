import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PersonaLanguage, PersonaTone } from '../personas/policy';

/** A tenant's bot: its persona (validated so it cannot pass as human), links it hands out, its playbook. */
@Entity({ name: 'tenant_bots' })
export class TenantBot {
  @PrimaryColumn({ type: 'uuid' })
  tenantId: string;

  @Column({ type: 'varchar', length: 40 })
  personaName: string;

  /** A data URI (SVG, PNG or WebP illustration; never a photograph). */
  @Column({ type: 'text', nullable: true })
  personaAvatar: string | null;

  @Column({ type: 'varchar', length: 10 })
  personaTone: PersonaTone;

  /** The first thing the bot says, per language: it must say the visitor talks to an automated assistant. */
  @Column({ type: 'jsonb' })
  personaDisclosure: Partial<Record<PersonaLanguage, string>>;

  /** Where visitors are sent to share sensitive data safely (e.g. a HIPAA portal). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  secureChannelUrl: string | null;

  /** Booking link offered when nobody can take a conversation. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  meetingUrl: string | null;

  /** The playbook new conversations start (its latest published version). */
  @Column({ type: 'varchar', length: 63, nullable: true })
  activePlaybookKey: string | null;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
