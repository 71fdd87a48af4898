import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Admin } from 'kafkajs';
import { MESSAGING_SETTINGS, type MessagingSettings, createKafkaClient } from '@candor/messaging';

/** Ready when the broker answers a metadata request within the timeout. */
@Injectable()
export class KafkaHealthIndicator implements OnModuleDestroy {
  private admin: Admin | undefined;
  private connecting: Promise<void> | undefined;

  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings,
  ) {}

  async check(key: string, timeoutMs: number) {
    const indicator = this.indicators.check(key);
    try {
      const cluster = await withTimeout(this.describeCluster(), timeoutMs);
      return indicator.up({ brokers: cluster.brokers.length });
    } catch (error) {
      this.resetAdmin();
      return indicator.down({ message: error instanceof Error ? error.message : 'unreachable' });
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.admin?.disconnect();
  }

  private async describeCluster() {
    if (!this.admin) {
      this.admin = createKafkaClient(this.settings, { retry: { retries: 0 } }).admin();
      this.connecting = this.admin.connect();
    }
    await this.connecting;
    return this.admin.describeCluster();
  }

  private resetAdmin(): void {
    const stale = this.admin;
    this.admin = undefined;
    stale?.disconnect().catch(() => undefined);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
