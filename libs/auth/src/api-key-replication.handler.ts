import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  type ApiKeyIssuedV1,
  type ApiKeyRevokedV1,
  type EventEnvelope,
  type TenantOffboardedV1,
  apiKeyIssuedV1,
  apiKeyRevokedV1,
  tenantOffboardedV1,
} from '@candor/contracts';
import type { EventContext } from '@candor/messaging';
import { ApiKeyCredential } from './api-key-credential.entity';

/** Keeps this service's copy of API keys in step with the issuing service. */
@Controller()
export class ApiKeyReplicationHandler {
  @EventPattern(apiKeyIssuedV1.topic)
  async onIssued(@Payload() event: EventEnvelope<ApiKeyIssuedV1>, @Ctx() context: EventContext): Promise<void> {
    await context.manager
      .createQueryBuilder()
      .insert()
      .into(ApiKeyCredential)
      .values(credentialOf(event.tenantId, event.payload, null))
      .orIgnore()
      .execute();
  }

  /** Upserts: a revocation that overtakes its issue still leaves the key revoked (the issue is then ignored). */
  @EventPattern(apiKeyRevokedV1.topic)
  async onRevoked(@Payload() event: EventEnvelope<ApiKeyRevokedV1>, @Ctx() context: EventContext): Promise<void> {
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
    await context.manager.delete(ApiKeyCredential, { tenantId: event.payload.tenantId });
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
  };
}
