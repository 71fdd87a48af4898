import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { ApiException } from '../http/api-exception';
import { PeriodicTask } from '../scheduling/periodic-task';

/** 429 with the seconds to wait, which the exception filter sends as `Retry-After`. */
export class RateLimitedException extends ApiException {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', `Too many requests; try again in ${retryAfterSeconds} s`);
  }
}

export interface RateLimit {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

/**
 * Fixed-window request counters kept in the service's own schema, so every instance of a service counts
 * against the same limit: one statement per counted request. Buckets name what is counted (`key:<id>`,
 * `conversation:<id>`); a bucket built from personal data (a client address) must be pseudonymised by the
 * caller. Counters are UNLOGGED (a crash may forget them, which only lets a little more through) and deleted
 * once their window has passed. If the count cannot be had, the request goes through: the database it needs
 * is then the real limit.
 */
@Injectable()
export class RateLimiter implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly table: string;
  private readonly prune = new PeriodicTask(60_000, () => this.deleteExpired());

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    const schema = (dataSource.options as { schema?: string }).schema ?? 'public';
    this.table = `"${schema.replace(/"/g, '""')}"."rate_limit_windows"`;
  }

  onModuleInit(): void {
    this.prune.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.prune.stop();
  }

  /** Counts one request against the bucket; throws `RateLimitedException` once the window's limit is passed. */
  async enforce(bucket: string, { limit, windowMs }: RateLimit): Promise<void> {
    const now = Date.now();
    const windowStart = now - (now % windowMs);
    let hits: number;
    try {
      const rows: { hits: number }[] = await this.dataSource.query(
        `INSERT INTO ${this.table} ("bucket", "window_start", "hits", "expires_at")
         VALUES ($1, $2, 1, to_timestamp($3 / 1000.0))
         ON CONFLICT ("bucket", "window_start") DO UPDATE SET "hits" = ${this.table}."hits" + 1
         RETURNING "hits"`,
        [bucket, windowStart, windowStart + windowMs],
      );
      hits = rows[0].hits;
    } catch (error) {
      this.logger.warn(`Rate limit not counted: ${(error as Error).name}`);
      return;
    }
    if (hits > limit) throw new RateLimitedException(Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)));
  }

  private async deleteExpired(): Promise<void> {
    await this.dataSource.query(`DELETE FROM ${this.table} WHERE "expires_at" < now()`);
  }
}

/** The counters' table, in every service's schema (same migration everywhere). */
export function rateLimitWindowsMigration(schema: string): new () => MigrationInterface {
  return class RateLimitWindows1765180800003 implements MigrationInterface {
    name = 'RateLimitWindows1765180800003';

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`
        CREATE UNLOGGED TABLE "${schema}"."rate_limit_windows" (
          "bucket" varchar(200) NOT NULL,
          "window_start" bigint NOT NULL,
          "hits" integer NOT NULL,
          "expires_at" timestamptz NOT NULL,
          PRIMARY KEY ("bucket", "window_start")
        )`);
      await queryRunner.query(
        `CREATE INDEX "rate_limit_windows_expiry" ON "${schema}"."rate_limit_windows" ("expires_at")`,
      );
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP TABLE "${schema}"."rate_limit_windows"`);
    }
  };
}
