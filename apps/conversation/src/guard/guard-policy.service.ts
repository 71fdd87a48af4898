import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Principal, auditActorOf } from '@candor/auth';
import { AuditTrail } from '@candor/platform';
import { inTenantScope } from '@candor/tenant-isolation';
import { Tenant } from '../tenancy/tenant.entity';
import type { GuardActionsDto } from './dto/guard-policy.dto';
import { type GuardPolicy, effectivePolicy } from './guard-policy';

@Injectable()
export class GuardPolicyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async get(tenantId: string): Promise<GuardPolicy> {
    const tenant = await inTenantScope(this.dataSource, tenantId, (manager) =>
      manager.findOneByOrFail(Tenant, { id: tenantId }),
    );
    return effectivePolicy(tenant.guardPolicy);
  }

  /** Changes the given categories only (null: back to the default); takes effect on the next message. */
  async update(principal: Principal, changes: GuardActionsDto): Promise<GuardPolicy> {
    const entries = Object.entries(changes);
    const set = Object.fromEntries(entries.filter(([, action]) => action !== undefined && action !== null));
    const reset = entries.filter(([, action]) => action === null).map(([category]) => category);
    return inTenantScope(this.dataSource, principal.tenantId, async (manager) => {
      const [[row]] = await manager.query(
        `UPDATE "conversation"."tenants" SET "guard_policy" = ("guard_policy" - $3::text[]) || $2::jsonb
         WHERE "id" = $1 RETURNING "guard_policy"`,
        [principal.tenantId, JSON.stringify(set), reset],
      );
      await this.audit.record(manager, {
        tenantId: principal.tenantId,
        actor: auditActorOf(principal),
        action: 'guard_policy.changed',
        target: null,
      });
      return effectivePolicy(row.guard_policy);
    });
  }
}
