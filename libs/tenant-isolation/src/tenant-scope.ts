import type { DataSource, EntityManager } from 'typeorm';

/**
 * Row-level security is the second wall behind every query's own `WHERE tenant_id`: each tenant table's policy
 * (see `rowLevelSecurityMigration`) admits only the rows of the tenant its transaction was scoped to, so a query
 * that forgets its filter finds nothing of another tenant, and a transaction scoped to no one finds nothing at all.
 *
 * The scope is a transaction-local setting (`set_config(…, true)`, i.e. `SET LOCAL`): it ends with the transaction,
 * so a pooled connection never carries one request's tenant into the next.
 */
export const TENANT_SETTING = 'candor.tenant_id';

/**
 * `all-tenants:<purpose>` in the few transactions that must see every tenant (see `CrossTenantPurpose`); the
 * policies admit every row under any value with that prefix.
 */
export const SCOPE_SETTING = 'candor.scope';
export const CROSS_TENANT_PREFIX = 'all-tenants:';

/**
 * Why a transaction may see every tenant: each use names one, so a reviewer can find them all. Nothing that serves
 * a caller already known to be one tenant's may use these.
 */
export type CrossTenantPurpose =
  /** An API key or site key tells whose it is only once it has been found. */
  | 'credential-lookup'
  /** Periodic work over every tenant: retention, queue time-outs, tree heads, key rotation. */
  | 'scheduled-sweep'
  /** The socket re-check, batched over the keys and conversations of every open socket. */
  | 'stream-recheck'
  /** Reads over the whole database by an auditor, as the tests' inspections of every table do. */
  | 'inspection'
  /** Schema migrations, run as the owner: a data migration must see every row it is meant to change. */
  | 'migration';

type Work<T> = (manager: EntityManager) => Promise<T>;

/** Scopes the transaction of `manager` (and only it) to one tenant; a later call in the same transaction re-scopes. */
export async function scopeToTenant(manager: EntityManager, tenantId: string): Promise<void> {
  await manager.query(`SELECT set_config('${TENANT_SETTING}', $1, true), set_config('${SCOPE_SETTING}', '', true)`, [
    tenantId,
  ]);
}

/** Runs `work` in a transaction that sees and writes only `tenantId`'s rows of tenant tables. */
export function inTenantScope<T>(dataSource: DataSource, tenantId: string, work: Work<T>): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await scopeToTenant(manager, tenantId);
    return work(manager);
  });
}

/**
 * Runs `work` in the caller's transaction when it passes one (already scoped to `tenantId`, as every event
 * handler's is), or else in a new transaction scoped to `tenantId`.
 */
export function inGivenOrNewTenantScope<T>(
  manager: EntityManager | undefined,
  dataSource: DataSource,
  tenantId: string,
  work: Work<T>,
): Promise<T> {
  return manager ? work(manager) : inTenantScope(dataSource, tenantId, work);
}

/** Runs `work` in a transaction that sees every tenant's rows, for the reason given. */
export function inCrossTenantScope<T>(dataSource: DataSource, purpose: CrossTenantPurpose, work: Work<T>): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('${SCOPE_SETTING}', $1, true)`, [crossTenantScope(purpose)]);
    return work(manager);
  });
}

/** The scope setting's value for a purpose; a connection may also start with it (`-c candor.scope=…`). */
export function crossTenantScope(purpose: CrossTenantPurpose): string {
  return `${CROSS_TENANT_PREFIX}${purpose}`;
}
