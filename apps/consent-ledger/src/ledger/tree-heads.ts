import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, LessThanOrEqual } from 'typeorm';
import { CompactFrontier, rootFromStore, signTreeHead } from '@candor/merkle';
import { inCrossTenantScope, inTenantScope } from '@candor/tenant-isolation';
import { ConsentLedgerConfig } from '../config/consent-ledger.config';
import { LogFrontierRow, TreeHeadRow } from './ledger.entities';
import { LogKeys } from './log-keys';
import { nodeReader } from './node-store';

/** Arbitrary, stable: one instance signs heads at a time. */
const SIGNING_LOCK_KEY = 7_204_121;

/**
 * Signs a new tree head for every tenant whose log grew since its last head, on a schedule
 * (TREE_HEAD_INTERVAL_MS, a minute by default) and on demand. A head is signed from the stored right
 * edge, so it covers exactly the entries committed before it.
 */
@Injectable()
export class TreeHeads implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TreeHeads.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: LogKeys,
    private readonly config: ConsentLedgerConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.signDue().catch(() => undefined), this.config.TREE_HEAD_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Signs heads for every tenant with unsigned entries. */
  signDue(): Promise<void> {
    this.running ??= this.signDueTenants().finally(() => (this.running = undefined));
    return this.running;
  }

  /** The tenant's head covering everything committed now: the latest one, or a new one signed at once. */
  async signNow(tenantId: string): Promise<TreeHeadRow | null> {
    const due = await inTenantScope(this.dataSource, tenantId, async (manager) => {
      const frontier = await manager.findOneBy(LogFrontierRow, { tenantId });
      if (!frontier || frontier.size === 0) return { latest: null };
      const latest = await this.latestIn(manager, tenantId);
      if (latest && latest.treeSize >= frontier.size) return { latest };
      const rootHash = CompactFrontier.fromJSON({ size: frontier.size, hashes: frontier.hashes }).root();
      // The right edge is a mutable shortcut: a head is signed only if the stored tree agrees with it.
      const stored = await rootFromStore(frontier.size, nodeReader(manager, tenantId));
      if (!stored.equals(rootHash)) {
        throw new Error(`the log's right edge disagrees with its stored nodes at size ${frontier.size}: not signing`);
      }
      return { head: { logId: tenantId, treeSize: frontier.size, rootHash, timestamp: Date.now() } };
    });
    if (!due.head) return due.latest;
    const head = due.head;
    // Opened through the key service outside any transaction: no connection waits on it.
    const signature = signTreeHead(head, await this.keys.privateKey(tenantId));
    return inTenantScope(this.dataSource, tenantId, async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(TreeHeadRow)
        .values({ tenantId, treeSize: head.treeSize, rootHash: head.rootHash, timestamp: head.timestamp, signature })
        .orIgnore()
        .execute();
      return manager.findOneByOrFail(TreeHeadRow, { tenantId, treeSize: head.treeSize });
    });
  }

  /** Entries committed to the tenant's log so far (its right edge). */
  async logSize(tenantId: string): Promise<number> {
    const frontier = await inTenantScope(this.dataSource, tenantId, (manager) =>
      manager.findOneBy(LogFrontierRow, { tenantId }),
    );
    return frontier?.size ?? 0;
  }

  latest(tenantId: string, atMostSize?: number): Promise<TreeHeadRow | null> {
    return inTenantScope(this.dataSource, tenantId, (manager) => this.latestIn(manager, tenantId, atMostSize));
  }

  private latestIn(manager: EntityManager, tenantId: string, atMostSize?: number): Promise<TreeHeadRow | null> {
    return manager.findOne(TreeHeadRow, {
      where: { tenantId, ...(atMostSize !== undefined ? { treeSize: LessThanOrEqual(atMostSize) } : {}) },
      order: { treeSize: 'DESC' },
    });
  }

  private async signDueTenants(): Promise<void> {
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      const [{ locked }] = await lock.query('SELECT pg_try_advisory_lock($1) AS locked', [SIGNING_LOCK_KEY]);
      if (!locked) return;
      try {
        const due: { tenant_id: string }[] = await inCrossTenantScope(this.dataSource, 'scheduled-sweep', (manager) =>
          manager.query(
            `SELECT f."tenant_id" FROM "consent_ledger"."log_frontiers" f
             WHERE f."size" > coalesce((SELECT max(h."tree_size") FROM "consent_ledger"."tree_heads" h
                                        WHERE h."tenant_id" = f."tenant_id"), 0)`,
          ),
        );
        for (const { tenant_id: tenantId } of due) {
          // One tenant's failure (e.g. its key service is down) must not hold back the others; retried next time.
          await this.signNow(tenantId).catch((error: unknown) =>
            this.logger.error(
              `Signing a head for ${tenantId} failed: ${error instanceof Error ? error.name : 'error'}`,
            ),
          );
        }
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [SIGNING_LOCK_KEY]);
      }
    } finally {
      await lock.release();
    }
  }
}
