import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { inTenantScope } from '@candor/tenant-isolation';
import { AgentAvailability } from './agent-availability.entity';

/** The `agent_availability` table: who can take conversations now, for which teams, with which skills. */
@Injectable()
export class AgentAvailabilityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Replaces what the agent (by their key) said last, in a transaction of its own. */
  async save(availability: AgentAvailability): Promise<void> {
    await inTenantScope(this.dataSource, availability.tenantId, (manager) =>
      manager.upsert(AgentAvailability, availability, ['keyId']),
    );
  }

  /** Agents available now whose key is not revoked, of the team (or of any team) and with the skill, if any. */
  async countAvailable(
    manager: EntityManager,
    tenantId: string,
    team: string | null,
    skill: string | null,
  ): Promise<number> {
    const [{ available }]: { available: number }[] = await manager.query(
      `SELECT count(*)::int AS "available" FROM "handoff"."agent_availability" a
       WHERE a."tenant_id" = $1 AND a."available"
         AND ($2::text IS NULL OR cardinality(a."teams") = 0 OR $2 = ANY(a."teams"))
         AND ($3::text IS NULL OR $3 = ANY(a."skills"))
         AND EXISTS (SELECT 1 FROM "handoff"."api_keys" k WHERE k."key_id" = a."key_id" AND k."revoked_at" IS NULL)`,
      [tenantId, team, skill],
    );
    return available;
  }

  async deleteTenant(manager: EntityManager, tenantId: string): Promise<void> {
    await manager.query(`DELETE FROM "handoff"."agent_availability" WHERE "tenant_id" = $1`, [tenantId]);
  }
}
