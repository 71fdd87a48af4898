import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Authenticated, CurrentPrincipal, type Principal, auditActorOf } from '@candor/auth';
import { ApiException, AuditTrail } from '@candor/platform';
import { inTenantScope } from '@candor/tenant-isolation';
import { PrivacyNoticeDto } from './dto/create-tenant.dto';
import { PrivacyNoticeVersionView } from './dto/tenancy.responses';
import { PrivacyNotice } from './privacy-notice.entity';
import { Tenant } from './tenant.entity';

/**
 * A tenant's privacy and recording notice, versioned: publishing adds a version and makes it the one
 * new conversations show; published versions never change, so the version stored with a
 * conversation always tells what that visitor saw.
 */
@ApiTags('privacy notices')
@Controller('v1/privacy-notices')
export class PrivacyNoticesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  @Get()
  @Authenticated({ roles: ['admin', 'compliance'] })
  @ApiOperation({ summary: 'Every published version, newest first' })
  @ApiOkResponse({ type: [PrivacyNoticeVersionView] })
  async list(@CurrentPrincipal() principal: Principal): Promise<PrivacyNoticeVersionView[]> {
    const notices = await inTenantScope(this.dataSource, principal.tenantId, (manager) =>
      manager.find(PrivacyNotice, { where: { tenantId: principal.tenantId }, order: { publishedAt: 'DESC' } }),
    );
    return notices.map(PrivacyNoticeVersionView.of);
  }

  @Post()
  @Authenticated({ roles: ['admin'] })
  @ApiOperation({ summary: 'Publish a new version; conversations started from now on show it' })
  @ApiCreatedResponse({ type: PrivacyNoticeVersionView })
  @ApiConflictResponse({ description: 'That version label was already published' })
  publish(
    @CurrentPrincipal() principal: Principal,
    @Body() request: PrivacyNoticeDto,
  ): Promise<PrivacyNoticeVersionView> {
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
        throw new ApiException(409, 'version_exists', 'This version was already published; use a new label');
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
