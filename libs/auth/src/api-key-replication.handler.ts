import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  type ApiKeyIssuedV1,
  type ApiKeyIssuedV2,
  type ApiKeyRevokedV1,
  type EventEnvelope,
  type TenantOffboardedV1,
  apiKeyIssuedV1,
  apiKeyIssuedV2,
  apiKeyRevokedV1,
  tenantOffboardedV1,
} from '@candor/contracts';
import type { EventContext } from '@candor/messaging';
import type { EntityManager } from 'typeorm';
import { ApiKeyCredential } from './api-key-credential.entity';

/**
 * Keeps this service's copy of API keys in step with the issuing service. Issues, revocations and the
 * tenant's off-boarding travel on different topics, so they can arrive in any order: each takes the tenant's
 * lock first, and once a tenant is off-boarded here nothing of its keys is written again.
 */
@Controller()
export class ApiKeyReplicationHandler {
  @EventPattern(apiKeyIssuedV1.topic)
  async onIssued(@Payload() event: EventEnvelope<ApiKeyIssuedV1>, @Ctx() context: EventContext): Promise<void> {
    if (await isOffboarded(context.manager, event.tenantId)) return;
    await context.manager
      .createQueryBuilder()
      .insert()
      .into(ApiKeyCredential)
      .values(credentialOf(event.tenantId, event.payload, null))
      .orIgnore()
      .execute();
  }

  /** v2 keys carry an expiry, and the event comes again when it changes (a rotation): the latest one is kept. */
  @EventPattern(apiKeyIssuedV2.topic)
  async onIssuedV2(@Payload() event: EventEnvelope<ApiKeyIssuedV2>, @Ctx() context: EventContext): Promise<void> {
    if (await isOffboarded(context.manager, event.tenantId)) return;
    const expiresAt = event.payload.expiresAt === null ? null : new Date(event.payload.expiresAt);
    await context.manager
      .createQueryBuilder()
      .insert()
      .into(ApiKeyCredential)
      .values({ ...credentialOf(event.tenantId, event.payload, null), expiresAt })
      .orUpdate(['expires_at'], ['key_id'])
      .execute();
  }

  /** Upserts: a revocation that overtakes its issue still leaves the key revoked (the issue is then ignored). */
  @EventPattern(apiKeyRevokedV1.topic)
  async onRevoked(@Payload() event: EventEnvelope<ApiKeyRevokedV1>, @Ctx() context: EventContext): Promise<void> {
    if (await isOffboarded(context.manager, event.tenantId)) return;
    await context.manager
      .createQueryBuilder()
      .insert()
      .into(ApiKeyCredential)
      .values(credentialOf(event.tenantId, event.payload, new Date(event.payload.revokedAt)))
      .orUpdate(['revoked_at'], ['key_id'])
      .execute();
  }

  /** An off-boarded tenant's keys stop working everywhere. */
  @EventPattern(tenantOffboardedV1.topic)
  async onTenantOffboarded(@Payload() event: EventEnvelope<TenantOffboardedV1>, @Ctx() context: EventContext) {
    const { tenantId, offboardedAt } = event.payload;
    await lockTenant(context.manager, tenantId);
    await context.manager.query(
      `INSERT INTO ${tableOf(context.manager, 'offboarded_tenants')} ("tenant_id", "offboarded_at")
       VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [tenantId, offboardedAt],
    );
    await context.manager.delete(ApiKeyCredential, { tenantId });
  }
}

/** Serialises a tenant's key events with its off-boarding (held to the end of the transaction). */
async function lockTenant(manager: EntityManager, tenantId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('api-keys:' || $1, 0))`, [tenantId]);
}

async function isOffboarded(manager: EntityManager, tenantId: string): Promise<boolean> {
  await lockTenant(manager, tenantId);
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM ${tableOf(manager, 'offboarded_tenants')} WHERE "tenant_id" = $1`,
    [tenantId],
  );
  return rows.length > 0;
}

/** A table of the service's own schema (the one its data source is configured with). */
function tableOf(manager: EntityManager, table: string): string {
  const schema = (manager.connection.options as { schema?: string }).schema ?? 'public';
  return `"${schema.replace(/"/g, '""')}"."${table}"`;
}

function credentialOf(tenantId: string, key: ApiKeyIssuedV1, revokedAt: Date | null): ApiKeyCredential {
  return {
    keyId: key.keyId,
    tenantId,
    role: key.role,
    secretHash: key.secretHash,
    label: key.label,
    createdAt: new Date(key.createdAt),
    revokedAt,
    expiresAt: null,
  };
}
