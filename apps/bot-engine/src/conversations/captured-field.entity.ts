import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CollectedField } from '@candor/contracts';

/**
 * A value the bot collected (an email, a phone number, a name, a message), encrypted under the
 * visitor's key: erasing the visitor erases it. Emails and phones carry a blind index so the tenant
 * can find a returning visitor without storing the value in the clear.
 */
@Entity({ name: 'captured_fields' })
export class CapturedField {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  tenantId: string;

  @Column({ type: 'uuid' })
  conversationId: string;

  @Column({ type: 'uuid' })
  visitorId: string;

  @Column({ type: 'varchar', length: 10 })
  field: CollectedField;

  @Column({ type: 'text' })
  valueCiphertext: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  blindIndex: string | null;

  /**
   * Purposes the value is kept for: consents the ledger recorded (or the bot's own purpose, e.g. a message
   * left). With none it is deleted at a decline, when the conversation closes, or after a short retention.
   */
  @Column({ type: 'text', array: true, default: [] })
  purposes: string[];

  /** Consents granted in the chat the ledger has not recorded yet: they hold the value until the retention ends. */
  @Column({ type: 'text', array: true, default: [] })
  pendingPurposes: string[];

  @Column({ type: 'timestamptz' })
  capturedAt: Date;
}
