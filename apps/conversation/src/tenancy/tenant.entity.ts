import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An organisation using Candor. Its site key is publishable: it only lets visitors start conversations. */
@Entity({ name: 'tenants' })
export class Tenant {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 40, unique: true })
  siteKey: string;

  /** Web origins (scheme://host[:port]) allowed to start conversations with the site key. */
  @Column({ type: 'text', array: true })
  allowedOrigins: string[];

  /** The current privacy notice; every published version is kept in `privacy_notices`. */
  @Column({ type: 'varchar', length: 40 })
  privacyNoticeVersion: string;

  @Column({ type: 'text' })
  privacyNoticeText: string;

  @Column({ type: 'varchar', length: 500 })
  privacyPolicyUrl: string;

  /** The sensitive-data guard's per-category overrides of the defaults (see guard/guard-policy.ts). */
  @Column({ type: 'jsonb', default: {} })
  guardPolicy: Partial<Record<string, 'allow' | 'redact' | 'block'>>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
