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

  @Column({ type: 'varchar', length: 40 })
  privacyNoticeVersion: string;

  @Column({ type: 'text' })
  privacyNoticeText: string;

  @Column({ type: 'varchar', length: 500 })
  privacyPolicyUrl: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
