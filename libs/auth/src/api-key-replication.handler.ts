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
import type { ApiKeyCredential } from './api-key-credential.entity';
import { ApiKeyReplicas } from './api-key-replicas.repository';

/**
 * Keeps this service's copy of API keys in step with the issuing service. Issues, revocations and the
 * tenant's off-boarding travel on different topics, so they can arrive in any order: each takes the tenant's
 * lock first, and once a tenant is off-boarded here nothing of its keys is written again.
 */
@Controller()
export class ApiKeyReplicationHandler {
  constructor(private readonly replicas: ApiKeyReplicas) {}

  @EventPattern(apiKeyIssuedV1.topic)
  async onIssued(@Payload() event: EventEnvelope<ApiKeyIssuedV1>, @Ctx() context: EventContext): Promise<void> {
    if ((await this.replicas.lockTenant(context.manager, event.tenantId)).offboarded) return;
    await this.replicas.addIfAbsent(context.manager, credentialOf(event.tenantId, event.payload, null));
  }

  /** v2 keys carry an expiry, and the event comes again when it changes (a rotation): the latest one is kept. */
  @EventPattern(apiKeyIssuedV2.topic)
  async onIssuedV2(@Payload() event: EventEnvelope<ApiKeyIssuedV2>, @Ctx() context: EventContext): Promise<void> {
    if ((await this.replicas.lockTenant(context.manager, event.tenantId)).offboarded) return;
    const expiresAt = event.payload.expiresAt === null ? null : new Date(event.payload.expiresAt);
    await this.replicas.keepExpiry(context.manager, {
      ...credentialOf(event.tenantId, event.payload, null),
      expiresAt,
    });
  }

  /** A revocation that overtakes its issue still leaves the key revoked (the issue is then ignored). */
  @EventPattern(apiKeyRevokedV1.topic)
  async onRevoked(@Payload() event: EventEnvelope<ApiKeyRevokedV1>, @Ctx() context: EventContext): Promise<void> {
    if ((await this.replicas.lockTenant(context.manager, event.tenantId)).offboarded) return;
    await this.replicas.keepRevoked(
      context.manager,
      credentialOf(event.tenantId, event.payload, new Date(event.payload.revokedAt)),
    );
  }

  /** An off-boarded tenant's keys stop working everywhere. */
  @EventPattern(tenantOffboardedV1.topic)
  async onTenantOffboarded(@Payload() event: EventEnvelope<TenantOffboardedV1>, @Ctx() context: EventContext) {
    const { tenantId, offboardedAt } = event.payload;
    await this.replicas.lockTenant(context.manager, tenantId);
    await this.replicas.offboard(context.manager, tenantId, offboardedAt);
  }
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
