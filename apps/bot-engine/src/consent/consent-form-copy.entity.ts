import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The current published version of a tenant's consent form in one locale, as the consent ledger announced it. */
@Entity({ name: 'consent_forms' })
export class ConsentFormCopy {
  @PrimaryColumn({ type: 'uuid' }) tenantId: string;
  @PrimaryColumn({ type: 'varchar', length: 63 }) formId: string;
  @PrimaryColumn({ type: 'varchar', length: 5 }) locale: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'varchar', length: 63 }) purpose: string;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'char', length: 64 }) textHash: string;
}
