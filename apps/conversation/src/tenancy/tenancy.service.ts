import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type KeyManagementService, SubjectKeyRing } from '@candor/crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type ApiKeyRole,
  apiKeyIssuedV2,
  apiKeyRevokedV1,
  tenantCreatedV1,
  tenantOffboardedV1,
} from '@candor/contracts';
import { ApiKeyCredential, type Principal, auditActorOf, issueApiKey } from '@candor/auth';
import { Outbox } from '@candor/messaging';
import { AuditTrail, KEY_MANAGEMENT } from '@candor/platform';
import { inTenantScope } from '@candor/tenant-isolation';
import { ConversationConfig } from '../config/conversation.config';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { Transcript } from '../conversations/transcript';
import type { CreateTenantDto } from './dto/create-tenant.dto';
import { ApiKeyView, CreatedApiKeyView, type CreatedTenantView, TenantView } from './dto/tenancy.responses';
import { PrivacyNotice } from './privacy-notice.entity';
import { Tenant } from './tenant.entity';
import { ConversationError } from '../conversation-error';

/**
 * The notice of a tenant that has not written its own. It states only what Candor itself does (it records the
 * chat, the bot answers first, a person can be asked for) and points to the tenant's policy: how the tenant uses
 * the data is the tenant's to say. Notices are one text per version, shown with the policy link after it.
 * default-1 also claimed a purpose on the tenant's behalf; tenants created with it keep it until they publish.
 */
const DEFAULT_NOTICE = {
  version: 'default-2',
  text:
    'This chat is recorded. An automated assistant answers first; you can ask for a person at any time. ' +
    'For how your data is handled, see the privacy policy:',
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

@Injectable()
export class TenancyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(KEY_MANAGEMENT) private readonly kms: KeyManagementService,
    private readonly ring: SubjectKeyRing,
    private readonly audit: AuditTrail,
    private readonly config: ConversationConfig,
    private readonly conversations: ConversationsRepository,
    private readonly transcript: Transcript,
  ) {}

  async createTenant(request: CreateTenantDto): Promise<CreatedTenantView> {
    const tenantId = randomUUID();
    // The tenant's key-encryption key exists before anything of the tenant can be encrypted (fail closed).
    await this.kms.ensureTenantKey(tenantId);
    return inTenantScope(this.dataSource, tenantId, async (manager) => {
      const tenant = manager.create(Tenant, {
        id: tenantId,
        name: request.name,
        siteKey: `pk_${randomBytes(18).toString('base64url')}`,
        allowedOrigins: [...new Set(request.allowedOrigins)],
        privacyNoticeVersion: request.privacyNotice?.version ?? DEFAULT_NOTICE.version,
        privacyNoticeText: request.privacyNotice?.text ?? DEFAULT_NOTICE.text,
        privacyPolicyUrl: request.privacyNotice?.policyUrl ?? `${request.allowedOrigins[0]}/privacy`,
        createdAt: new Date(),
      });
      await manager.insert(Tenant, tenant);
      await manager.insert(PrivacyNotice, {
        tenantId: tenant.id,
        version: tenant.privacyNoticeVersion,
        text: tenant.privacyNoticeText,
        policyUrl: tenant.privacyPolicyUrl,
        publishedAt: tenant.createdAt,
      });
      await this.outbox.enqueue(
        manager,
        tenantCreatedV1,
        { tenantId: tenant.id, name: tenant.name, createdAt: tenant.createdAt.toISOString() },
        { tenantId: tenant.id },
      );
      const adminApiKey = await this.issueKey(manager, tenant.id, 'admin', 'bootstrap admin');
      const operator = { kind: 'operator' } as const;
      await this.audit.record(manager, { tenantId, actor: operator, action: 'tenant.created', target: tenantId });
      await this.audit.record(manager, {
        tenantId,
        actor: operator,
        action: 'api_key.issued',
        target: adminApiKey.keyId,
      });
      return { tenant: TenantView.of(tenant), adminApiKey };
    });
  }

  /**
   * Off-boards a tenant: destroys its key-encryption key first (every copy of its data, here, in
   * Kafka and in backups, becomes unreadable; if the key service is down nothing happens, 503),
   * then deletes its rows here and announces it so every service does the same. Idempotent.
   */
  async offboardTenant(tenantId: string): Promise<void> {
    const exists = await inTenantScope(this.dataSource, tenantId, (manager) =>
      manager.existsBy(Tenant, { id: tenantId }),
    );
    if (!exists) throw new ConversationError('not_found', 'No such tenant');
    await this.kms.destroyTenantKey(tenantId);
    this.ring.evictTenant(tenantId);
    await inTenantScope(this.dataSource, tenantId, async (manager) => {
      // A message being appended holds its conversation's row: wait for those, and keep new ones out, so none
      // lands between the two deletes (it would break the conversations' delete with a foreign-key error).
      await this.conversations.lockTenant(manager, tenantId);
      await this.transcript.deleteTenant(manager, tenantId);
      await this.conversations.deleteTenant(manager, tenantId);
      await manager.delete(ApiKeyCredential, { tenantId });
      await manager.delete(Tenant, { id: tenantId });
      // Kept: the trail holds ids only, and the off-boarding is itself evidence.
      await this.audit.record(manager, {
        tenantId,
        actor: { kind: 'operator' },
        action: 'tenant.offboarded',
        target: tenantId,
      });
      await this.outbox.enqueue(
        manager,
        tenantOffboardedV1,
        { tenantId, offboardedAt: new Date().toISOString() },
        { tenantId },
      );
    });
  }

  createApiKey(
    principal: Principal,
    role: ApiKeyRole,
    label: string | null,
    expiresInDays?: number,
  ): Promise<CreatedApiKeyView> {
    return inTenantScope(this.dataSource, principal.tenantId, async (manager) => {
      const issued = await this.issueKey(manager, principal.tenantId, role, label, expiresInDays);
      await this.audit.record(manager, {
        tenantId: principal.tenantId,
        actor: auditActorOf(principal),
        action: 'api_key.issued',
        target: issued.keyId,
      });
      return issued;
    });
  }

  /**
   * Replaces a key: a new one with the same role and label, while the old one keeps working for `graceHours`
   * (never longer than it would have anyway), so a client can switch without downtime. The new key is shown once.
   */
  rotateApiKey(
    principal: Principal,
    keyId: string,
    graceHours: number,
    expiresInDays?: number,
  ): Promise<CreatedApiKeyView> {
    const tenantId = principal.tenantId;
    return inTenantScope(this.dataSource, tenantId, async (manager) => {
      const old = await manager.findOne(ApiKeyCredential, {
        where: { keyId, tenantId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!old) throw new ConversationError('not_found', 'No such API key');
      const now = Date.now();
      if (old.revokedAt || (old.expiresAt && old.expiresAt.getTime() <= now)) {
        throw new ConversationError('key_not_active', 'A revoked or expired key cannot be rotated; issue a new one');
      }
      const graceEnd = new Date(now + graceHours * HOUR_MS);
      if (!old.expiresAt || graceEnd < old.expiresAt) {
        old.expiresAt = graceEnd;
        await manager.update(ApiKeyCredential, { keyId }, { expiresAt: graceEnd });
        await this.announceKey(manager, old);
      }
      const replacement = await this.issueKey(manager, tenantId, old.role, old.label, expiresInDays);
      await this.audit.record(manager, {
        tenantId,
        actor: auditActorOf(principal),
        action: 'api_key.rotated',
        target: `${keyId}->${replacement.keyId}`,
      });
      return replacement;
    });
  }

  async listApiKeys(tenantId: string): Promise<ApiKeyView[]> {
    const keys = await inTenantScope(this.dataSource, tenantId, (manager) =>
      manager.find(ApiKeyCredential, { where: { tenantId }, order: { createdAt: 'ASC' } }),
    );
    return keys.map(ApiKeyView.of);
  }

  async revokeApiKey(tenantId: string, keyId: string, revokingKeyId: string): Promise<void> {
    if (keyId === revokingKeyId) {
      throw new ConversationError('cannot_revoke_own_key', 'A key cannot revoke itself; use another admin key');
    }
    await inTenantScope(this.dataSource, tenantId, async (manager) => {
      const key = await manager.findOne(ApiKeyCredential, {
        where: { keyId, tenantId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!key) {
        throw new ConversationError('not_found', 'No such API key');
      }
      if (key.revokedAt) return;
      key.revokedAt = new Date();
      await manager.save(key);
      await this.audit.record(manager, {
        tenantId,
        actor: { kind: 'api-key', keyId: revokingKeyId },
        action: 'api_key.revoked',
        target: keyId,
      });
      await this.outbox.enqueue(
        manager,
        apiKeyRevokedV1,
        {
          keyId,
          tenantId,
          role: key.role,
          secretHash: key.secretHash,
          label: key.label,
          createdAt: key.createdAt.toISOString(),
          revokedAt: key.revokedAt.toISOString(),
        },
        { tenantId },
      );
    });
  }

  private async issueKey(
    manager: EntityManager,
    tenantId: string,
    role: ApiKeyRole,
    label: string | null,
    expiresInDays: number = this.config.API_KEY_LIFETIME_DAYS,
  ): Promise<CreatedApiKeyView> {
    const issued = issueApiKey();
    const createdAt = new Date();
    const key = manager.create(ApiKeyCredential, {
      keyId: issued.keyId,
      tenantId,
      role,
      secretHash: issued.secretHash,
      label,
      createdAt,
      revokedAt: null,
      expiresAt: new Date(createdAt.getTime() + expiresInDays * DAY_MS),
    });
    await manager.insert(ApiKeyCredential, key);
    await this.announceKey(manager, key);
    return { ...ApiKeyView.of(key), apiKey: issued.plaintext };
  }

  /** Every service learns of a key, and again whenever its expiry changes. */
  private async announceKey(manager: EntityManager, key: ApiKeyCredential): Promise<void> {
    await this.outbox.enqueue(
      manager,
      apiKeyIssuedV2,
      {
        keyId: key.keyId,
        tenantId: key.tenantId,
        role: key.role,
        secretHash: key.secretHash,
        label: key.label,
        createdAt: key.createdAt.toISOString(),
        expiresAt: key.expiresAt?.toISOString() ?? null,
      },
      { tenantId: key.tenantId },
    );
  }
}
