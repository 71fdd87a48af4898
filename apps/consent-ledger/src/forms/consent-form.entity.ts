import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One published version of a consent form: its exact text and that text's SHA-256, never changed. */
@Entity({ name: 'consent_forms' })
export class ConsentForm {
  @PrimaryColumn({ type: 'uuid' }) tenantId: string;
  @PrimaryColumn({ type: 'varchar', length: 63 }) formId: string;
  @PrimaryColumn({ type: 'integer' }) version: number;
  @Column({ type: 'varchar', length: 63 }) purpose: string;
  @Column({ type: 'varchar', length: 5 }) locale: string;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'char', length: 64 }) textHash: string;
  @Column({ type: 'timestamptz' }) publishedAt: Date;
}
