import type { DataSource, EntityManager } from 'typeorm';
import { type NodeId, type NodeReader, nodeKey } from '@candor/merkle';
import { inTenantScope } from '@candor/tenant-isolation';

/** Reads the perfect-subtree hashes a proof needs in one query; a missing node is an error, never a guess. */
export function nodeReader(manager: EntityManager, tenantId: string): NodeReader {
  return async (ids: readonly NodeId[]) => {
    const rows: { level: number; index: string; hash: Buffer }[] = await manager.query(
      `SELECT n."level", n."index", n."hash" FROM "consent_ledger"."ledger_nodes" n
       JOIN unnest($2::smallint[], $3::bigint[]) AS wanted("level", "index")
         ON n."level" = wanted."level" AND n."index" = wanted."index"
       WHERE n."tenant_id" = $1`,
      [tenantId, ids.map((id) => id.level), ids.map((id) => id.index)],
    );
    const found = new Map(rows.map((row) => [nodeKey({ level: row.level, index: Number(row.index) }), row.hash]));
    const missing = ids.filter((id) => !found.has(nodeKey(id)));
    if (missing.length > 0) {
      throw new Error(`ledger nodes missing: ${missing.map(nodeKey).join(', ')}`);
    }
    return found;
  };
}

/** The same, each read in a transaction of its own scoped to the tenant (for a proof that needs one read). */
export function scopedNodeReader(dataSource: DataSource, tenantId: string): NodeReader {
  return (ids) => inTenantScope(dataSource, tenantId, (manager) => nodeReader(manager, tenantId)(ids));
}
