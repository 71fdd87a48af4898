import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ApiKeyRole } from '@candor/contracts';

/**
 * An API key as every service knows it: id, tenant, role and the hash of its
 * secret. The conversation service issues keys; the others keep a replica fed
 * by `tenancy.api-key.*` events.
 */
@Entity({ name: 'api_keys' })
export class ApiKeyCredential {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  keyId: string;

  @Index()
  @Column({ type: 'uuid' })
  tenantId: string;

  @Column({ type: 'varchar', length: 20 })
  role: ApiKeyRole;

  @Column({ type: 'char', length: 64 })
  secretHash: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  label: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** The key stops working at this time on its own; null: only a revocation ends it. */
  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;
}
