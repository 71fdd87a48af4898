import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { inTenantScope } from '@candor/tenant-isolation';

/** The administrative actions that leave a trace, across the services. */
export const AUDITED_ACTIONS = [
  'tenant.created',
  'tenant.offboarded',
  'api_key.issued',
  'api_key.revoked',
  'api_key.rotated',
  'guard_policy.changed',
  'privacy_notice.published',
  'bot.updated',
  'playbook_version.added',
  'playbook_version.replaced',
  'playbook_version.published',
  'consent_form_version.published',
] as const;
export type AuditedAction = (typeof AUDITED_ACTIONS)[number];

/** Who acted: the operator (bootstrap key) or an API key of the tenant, by its id. */
export type AuditActor = { kind: 'operator' } | { kind: 'api-key'; keyId: string };

export interface AuditEntry {
  tenantId: string;
  actor: AuditActor;
  action: AuditedAction;
  /** What was acted on, by id only (a key id, a playbook key and version): never personal data. */
  target: string | null;
}

export interface AuditEventView {
  id: string;
  tenantId: string;
  actorKind: AuditActor['kind'];
  actorKeyId: string | null;
  action: AuditedAction;
  target: string | null;
  occurredAt: string;
}

/**
 * The trail of administrative actions of a service: written in the same transaction as the action (an action
 * without its trace cannot commit), append-only for the service's own role, and readable by the tenant's
 * compliance staff (`GET /v1/audit-events`). Ids and action names only.
 */
@Injectable()
export class AuditTrail {
  private readonly table: string;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    const schema = (dataSource.options as { schema?: string }).schema ?? 'public';
    this.table = `"${schema.replace(/"/g, '""')}"."audit_events"`;
  }

  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.table} ("tenant_id", "actor_kind", "actor_key_id", "action", "target")
       VALUES ($1, $2, $3, $4, $5)`,
      [
        entry.tenantId,
        entry.actor.kind,
        entry.actor.kind === 'api-key' ? entry.actor.keyId : null,
        entry.action,
        entry.target,
      ],
    );
  }

  /** The tenant's events after `after` (an event id), oldest first. */
  async list(tenantId: string, after: string | undefined, limit: number): Promise<AuditEventView[]> {
    const rows: {
      id: string;
      tenant_id: string;
      actor_kind: AuditActor['kind'];
      actor_key_id: string | null;
      action: AuditedAction;
      target: string | null;
      occurred_at: Date;
    }[] = await inTenantScope(this.dataSource, tenantId, (manager) =>
      manager.query(`SELECT * FROM ${this.table} WHERE "tenant_id" = $1 AND "id" > $2 ORDER BY "id" LIMIT $3`, [
        tenantId,
        after ?? '0',
        limit,
      ]),
    );
    return rows.map((row) => ({
      id: row.id,
      tenantId: row.tenant_id,
      actorKind: row.actor_kind,
      actorKeyId: row.actor_key_id,
      action: row.action,
      target: row.target,
      occurredAt: row.occurred_at.toISOString(),
    }));
  }
}

/**
 * The trail's table, in each service's schema. The owner keeps only SELECT and INSERT for itself, so the
 * service's role (granted what the owner kept) can neither change nor delete an entry.
 */
export function auditEventsMigration(schema: string): new () => MigrationInterface {
  return class AuditEvents1765180800004 implements MigrationInterface {
    name = 'AuditEvents1765180800004';

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`
        CREATE TABLE "${schema}"."audit_events" (
          "id" bigserial PRIMARY KEY,
          "tenant_id" uuid NOT NULL,
          "actor_kind" varchar(20) NOT NULL CHECK ("actor_kind" IN ('operator', 'api-key')),
          "actor_key_id" varchar(16),
          "action" varchar(60) NOT NULL,
          "target" varchar(200),
          "occurred_at" timestamptz NOT NULL DEFAULT now()
        )`);
      await queryRunner.query(`CREATE INDEX "audit_events_tenant" ON "${schema}"."audit_events" ("tenant_id", "id")`);
      await queryRunner.query(
        `REVOKE UPDATE, DELETE, TRUNCATE ON "${schema}"."audit_events" FROM PUBLIC, CURRENT_USER`,
      );
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP TABLE "${schema}"."audit_events"`);
    }
  };
}
