import type { INestApplication } from '@nestjs/common';
import {
  type BaseServiceConfig,
  DrainState,
  type ServiceDefinition,
  createServiceApp,
  loadConfig,
} from '@candor/platform';
import { kafkaEnvironmentOf } from './kafka-principals';
import { testInfrastructure } from './test-infrastructure';

/** A real service (HTTP + Kafka consumers + outbox relay) started in this process on a free port. */
export class RunningService {
  private constructor(
    readonly app: INestApplication,
    readonly url: string,
  ) {}

  static async start<TConfig extends BaseServiceConfig>(
    definition: ServiceDefinition<TConfig>,
    environment: Record<string, string>,
  ): Promise<RunningService> {
    const config = loadConfig(definition.configClass, {
      KAFKA_BROKERS: testInfrastructure().kafkaBrokers,
      // Its own Kafka login, as deployed: the broker's ACLs let it touch only its topics and group.
      ...kafkaEnvironmentOf(definition.name),
      PORT: '0',
      LOG_LEVEL: 'error',
      CONSUMER_RETRY_BASE_MS: '20',
      CONSUMER_RETRY_MAX_MS: '200',
      ...environment,
    });
    const app = await createServiceApp(definition, config);
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    return new RunningService(app, url);
  }

  /** HTTP call with a JSON body; returns status and parsed body. */
  async request<T = unknown>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | undefined = options.rawBody;
    if (options.body !== undefined) payload = JSON.stringify(options.body);
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${this.url}${path}`, { method, headers, body: payload });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: the test sees the raw text.
    }
    return { status: response.status, body: body as T, headers: response.headers };
  }

  startDraining(): void {
    this.app.get(DrainState).startDraining();
  }

  async stop(): Promise<void> {
    await this.app.close();
  }
}
