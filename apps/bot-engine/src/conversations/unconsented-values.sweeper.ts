import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PeriodicTask } from '@candor/platform';
import { inCrossTenantScope } from '@candor/tenant-isolation';
import { BotEngineConfig } from '../config/bot-engine.config';
import { CollectedValues } from './collected-values';

/** The longest pause between sweeps: nothing outlives its retention by more than about this. */
const MAX_PAUSE_MS = 60_000;

/**
 * Deletes, everywhere, collected values no consent covers once they are older than
 * UNCONSENTED_RETENTION_MS: a visitor who left at the consent question said neither yes nor no, and
 * data collected for a purpose without consent is not kept.
 */
@Injectable()
export class UnconsentedValuesSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UnconsentedValuesSweeper.name);
  private readonly task: PeriodicTask;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly values: CollectedValues,
    private readonly config: BotEngineConfig,
  ) {
    const pause = Math.min(Math.ceil(config.UNCONSENTED_RETENTION_MS / 2), MAX_PAUSE_MS);
    this.task = new PeriodicTask(pause, () => this.sweep());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** A failure (the database away) is logged without details and retried at the next sweep. */
  private async sweep(): Promise<void> {
    try {
      const before = new Date(Date.now() - this.config.UNCONSENTED_RETENTION_MS);
      const deleted = await inCrossTenantScope(this.dataSource, 'scheduled-sweep', (manager) =>
        this.values.sweep(manager, before),
      );
      if (deleted > 0) this.logger.log(`Deleted ${deleted} collected values no consent covered`);
    } catch (error) {
      this.logger.error(`Sweeping unconsented values failed: ${error instanceof Error ? error.name : 'error'}`);
    }
  }
}
