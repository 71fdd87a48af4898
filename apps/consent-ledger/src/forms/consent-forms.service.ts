import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { consentFormPublishedV1 } from '@candor/contracts';
import { Outbox } from '@candor/messaging';
import { type Principal, auditActorOf } from '@candor/auth';
import { AuditTrail } from '@candor/platform';
import { inTenantScope } from '@candor/tenant-isolation';
import { ConsentForm } from './consent-form.entity';
import type { PublishConsentFormDto } from './dto/consent-form.dto';
import { LedgerError } from '../ledger-error';

/** Consent forms per tenant, purpose and locale, versioned; a published text never changes. */
@Injectable()
export class ConsentForms {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
  ) {}

  publish(principal: Principal, formId: string, request: PublishConsentFormDto): Promise<ConsentForm> {
    const tenantId = principal.tenantId;
    return inTenantScope(this.dataSource, tenantId, async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`consent-form:${tenantId}:${formId}`]);
      const latest = await this.latest(manager, tenantId, formId);
      if (latest && latest.purpose !== request.purpose) {
        throw new LedgerError('form_purpose_conflict', `Form ${formId} is for purpose ${latest.purpose}`);
      }
      const form = manager.create(ConsentForm, {
        tenantId,
        formId,
        version: (latest?.version ?? 0) + 1,
        purpose: request.purpose,
        locale: request.locale,
        text: request.text,
        textHash: createHash('sha256').update(request.text, 'utf8').digest('hex'),
        publishedAt: new Date(),
      });
      await manager.insert(ConsentForm, form);
      await this.outbox.enqueue(
        manager,
        consentFormPublishedV1,
        {
          formId,
          version: form.version,
          purpose: form.purpose,
          locale: form.locale,
          text: form.text,
          textHash: form.textHash,
          publishedAt: form.publishedAt.toISOString(),
        },
        { tenantId },
      );
      await this.audit.record(manager, {
        tenantId,
        actor: auditActorOf(principal),
        action: 'consent_form_version.published',
        target: `${formId}/${form.version}`,
      });
      return form;
    });
  }

  /** The form's latest version, in a locale if given. */
  latest(manager: EntityManager, tenantId: string, formId: string, locale?: string): Promise<ConsentForm | null> {
    return manager.findOne(ConsentForm, {
      where: { tenantId, formId, ...(locale ? { locale } : {}) },
      order: { version: 'DESC' },
    });
  }

  async version(tenantId: string, formId: string, version: number): Promise<ConsentForm> {
    const form = await inTenantScope(this.dataSource, tenantId, (manager) =>
      manager.findOneBy(ConsentForm, { tenantId, formId, version }),
    );
    if (!form) throw new LedgerError('not_found', 'No such form version');
    return form;
  }

  /** The current version of every form in every locale it was published in (a form's languages version together). */
  current(tenantId: string): Promise<ConsentForm[]> {
    return inTenantScope(this.dataSource, tenantId, (manager) =>
      manager.query(
        `SELECT DISTINCT ON ("form_id", "locale") "tenant_id" AS "tenantId", "form_id" AS "formId", "version", "purpose",
              "locale", "text", "text_hash" AS "textHash", "published_at" AS "publishedAt"
       FROM "consent_ledger"."consent_forms" WHERE "tenant_id" = $1 ORDER BY "form_id", "locale", "version" DESC`,
        [tenantId],
      ),
    );
  }
}
