import { randomBytes } from 'node:crypto';
import type { ServiceDefinition } from '@candor/platform';
import { RawKafka, RunningService, TestDatabase, uniqueName, vaultEnvironmentFor } from '@candor/testing';
import { botEngineService } from '@candor/apps/bot-engine';
import { consentLedgerService } from '@candor/apps/consent-ledger';
import { conversationService } from '@candor/apps/conversation';
import { dsrService } from '@candor/apps/dsr';
import { handoffService } from '@candor/apps/handoff';

export const SERVICES = {
  conversation: conversationService,
  'bot-engine': botEngineService,
  handoff: handoffService,
  'consent-ledger': consentLedgerService,
  dsr: dsrService,
} as const;
export type ServiceName = keyof typeof SERVICES;

export const ORIGIN = 'https://shop.example';

/**
 * The real Candor services of one test suite, in this process, sharing a
 * fresh database and a Kafka namespace of their own (so suites never see each
 * other's events).
 */
export class CandorStack {
  readonly running = new Map<ServiceName, RunningService>();
  readonly bootstrapKey = randomBytes(24).toString('hex');
  readonly namespace = uniqueName('t');
  readonly masterKey = randomBytes(32).toString('base64');

  private constructor(readonly database: TestDatabase) {}

  static async start(names: ServiceName[], overrides: Record<string, string> = {}): Promise<CandorStack> {
    const stack = new CandorStack(await TestDatabase.create());
    await stack.grantKafkaAcls();
    for (const name of names) {
      await stack.startService(name, overrides);
    }
    return stack;
  }

  /** A service's environment in this stack (what a second instance of it needs too). */
  environmentFor(name: ServiceName): Record<string, string> {
    return {
      // Migrations as the database's owner, each service as a role of its own that owns nothing.
      DATABASE_URL: this.database.urlFor(SERVICES[name].schema),
      LOCAL_KEYSTORE_DATABASE_URL: this.database.url,
      MIGRATIONS_DATABASE_URL: this.database.ownerUrl,
      KAFKA_NAMESPACE: this.namespace,
      BOOTSTRAP_API_KEY: this.bootstrapKey,
      VISITOR_TOKEN_SECRET: `visitor-secret-${this.namespace}-0123456789abcdef`,
      LOCAL_MASTER_KEY: this.masterKey,
    };
  }

  async startService(name: ServiceName, overrides: Record<string, string> = {}): Promise<RunningService> {
    const service = await RunningService.start(SERVICES[name] as ServiceDefinition<never>, {
      ...this.environmentFor(name),
      // With the real Vault `npm test` runs: each service logs in with its own AppRole, under its own policy.
      ...vaultEnvironmentFor(name),
      ...overrides,
    });
    this.running.set(name, service);
    return service;
  }

  /**
   * Lets each service of this namespace touch its own topics and consumer group, and nothing else (the broker's
   * ACLs, as scripts/kafka-acls.ts grants them for a deployment); each service logs in as itself (RunningService).
   */
  private async grantKafkaAcls(): Promise<void> {
    const kafka = await new RawKafka().connect();
    try {
      await kafka.applyServiceAcls(this.namespace);
    } finally {
      await kafka.disconnect();
    }
  }

  async stopService(name: ServiceName): Promise<void> {
    await this.running.get(name)?.stop();
    this.running.delete(name);
  }

  service(name: ServiceName): RunningService {
    const service = this.running.get(name);
    if (!service) throw new Error(`${name} is not running in this stack`);
    return service;
  }

  /** Topic name on the wire for this stack's namespace. */
  topic(topic: string): string {
    return `${this.namespace}.${topic}`;
  }

  async stop(): Promise<void> {
    for (const name of [...this.running.keys()].reverse()) {
      await this.stopService(name);
    }
    await this.database.drop();
    const kafka = await new RawKafka().connect();
    try {
      await kafka.deleteTopicsWithPrefix(`${this.namespace}.`);
      await kafka.removeServiceAcls(this.namespace);
    } finally {
      await kafka.disconnect();
    }
  }
}
