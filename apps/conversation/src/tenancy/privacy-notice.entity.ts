import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One published version of a tenant's privacy and recording notice; never changed once published. */
@Entity({ name: 'privacy_notices' })
export class PrivacyNotice {
  @PrimaryColumn({ type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  version: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 500 })
  policyUrl: string;

  @Column({ type: 'timestamptz' })
  publishedAt: Date;
}
