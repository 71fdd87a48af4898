import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Principal, auditActorOf } from '@candor/auth';
import { AuditTrail } from '@candor/platform';
import { inTenantScope } from '@candor/tenant-isolation';
import type { PrivacyNoticeDto } from './dto/create-tenant.dto';
import { PrivacyNoticeVersionView } from './dto/tenancy.responses';
import { PrivacyNotice } from './privacy-notice.entity';
import { Tenant } from './tenant.entity';
import { ConversationError } from '../conversation-error';

/**
 * A tenant's privacy and recording notice, versioned (`privacy_notices`, and the current one on `tenants`):
 * publishing adds a version and makes it the one new conversations show; published versions never change.
 */
@Injectable()
export class PrivacyNotices {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  /** Every published version, newest first. */
  async list(tenantId: string): Promise<PrivacyNoticeVersionView[]> {
    const notices = await inTenantScope(this.dataSource, tenantId, (manager) =>
      manager.find(PrivacyNotice, { where: { tenantId }, order: { publishedAt: 'DESC' } }),
    );
    return notices.map(PrivacyNoticeVersionView.of);
  }

  /** Publishes a new version (409 for a label already published), in one transaction with its audit entry. */
  publish(principal: Principal, request: PrivacyNoticeDto): Promise<PrivacyNoticeVersionView> {
    return inTenantScope(this.dataSource, principal.tenantId, async (manager) => {
      const notice = manager.create(PrivacyNotice, {
        tenantId: principal.tenantId,
        version: request.version,
        text: request.text,
        policyUrl: request.policyUrl,
        publishedAt: new Date(),
      });
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(PrivacyNotice)
        .values(notice)
        .orIgnore()
        .returning(['version'])
        .execute();
      if (inserted.raw.length === 0) {
        throw new ConversationError('version_exists', 'This version was already published; use a new label');
      }
      await manager.update(
        Tenant,
        { id: principal.tenantId },
        { privacyNoticeVersion: notice.version, privacyNoticeText: notice.text, privacyPolicyUrl: notice.policyUrl },
      );
      await this.audit.record(manager, {
        tenantId: principal.tenantId,
        actor: auditActorOf(principal),
        action: 'privacy_notice.published',
        target: notice.version,
      });
      return PrivacyNoticeVersionView.of(notice);
    });
  }
}
