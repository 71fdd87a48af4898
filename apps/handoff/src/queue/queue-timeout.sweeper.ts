import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { handoffQueueTimedOutV1 } from '@candor/contracts';
import { Outbox } from '@candor/messaging';
import { PeriodicTask } from '@candor/platform';
import { inCrossTenantScope } from '@candor/tenant-isolation';
import { HandoffConfig } from '../config/handoff.config';
import { Queue } from './queue';

/** Entries announced per transaction; a fuller queue is worked through batch after batch. */
const BATCH = 100;
/** Sweeps come at a quarter of the timeout, within these bounds: an announcement is at most ~5 s late. */
const MIN_PAUSE_MS = 250;
const MAX_PAUSE_MS = 5_000;

/**
 * Tells visitors nobody took their conversation once they have waited HANDOFF_QUEUE_TIMEOUT_MS: each overdue
 * entry is marked and its event written to the outbox in one transaction, so the announcement happens if and
 * only if the mark commits. Every instance sweeps; row locks taken with SKIP LOCKED keep two from announcing
 * the same wait.
 */
@Injectable()
export class QueueTimeoutSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QueueTimeoutSweeper.name);
  private readonly task: PeriodicTask;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: Queue,
    private readonly outbox: Outbox,
    private readonly config: HandoffConfig,
  ) {
    const pause = Math.min(Math.max(Math.ceil(config.HANDOFF_QUEUE_TIMEOUT_MS / 4), MIN_PAUSE_MS), MAX_PAUSE_MS);
    this.task = new PeriodicTask(pause, (isStopping) => this.sweep(isStopping));
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  /** Waits for a sweep under way, so its transaction ends before the database closes. */
  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** A failure (the database away) is logged without details and retried at the next sweep. */
  private async sweep(isStopping: () => boolean): Promise<void> {
    try {
      let announced = 0;
      for (let batch = BATCH; batch === BATCH && !isStopping();) {
        batch = await inCrossTenantScope(this.dataSource, 'scheduled-sweep', (manager) => this.announceBatch(manager));
        announced += batch;
      }
      if (announced > 0) this.logger.log(`Told ${announced} waiting visitors that nobody has taken them yet`);
    } catch (error) {
      this.logger.error(`Sweeping the queue failed: ${error instanceof Error ? error.name : 'error'}`);
    }
  }

  private async announceBatch(manager: EntityManager): Promise<number> {
    const overdue = await this.queue.takeOverdue(manager, this.config.HANDOFF_QUEUE_TIMEOUT_MS, BATCH);
    if (overdue.length === 0) return 0;
    await this.outbox.enqueueMany(
      manager,
      handoffQueueTimedOutV1,
      overdue.map((entry) => ({
        payload: {
          conversationId: entry.conversationId,
          waitingSince: entry.waitingSince.toISOString(),
          timedOutAt: entry.timedOutAt.toISOString(),
        },
        metadata: {
          tenantId: entry.tenantId,
          subjectId: entry.visitorId,
          correlationId: entry.correlationId,
          causationId: entry.causationId,
        },
      })),
    );
    return overdue.length;
  }
}
