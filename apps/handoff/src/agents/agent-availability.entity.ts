import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Whether an agent (identified by their API key) can take conversations now, and for which teams. */
@Entity({ name: 'agent_availability' })
export class AgentAvailability {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  keyId: string;

  @Column({ type: 'uuid' })
  tenantId: string;

  @Column({ type: 'boolean' })
  available: boolean;

  /** Teams the agent answers for; empty means any team. */
  @Column({ type: 'text', array: true })
  teams: string[];

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
