import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Whether an agent (identified by their API key) can take conversations now, for which teams, with which skills. */
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

  /** Skills the agent has (e.g. sensitive-data for a trained team); a hand-off needing one goes only to them. */
  @Column({ type: 'text', array: true })
  skills: string[];

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
