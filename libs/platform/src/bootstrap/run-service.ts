import type { INestApplication } from '@nestjs/common';
import type { BaseServiceConfig } from '../config/base-service.config';
import { ConfigurationError, loadConfig } from '../config/load-config';
import { redactedConfig } from '../config/secret.decorator';
import { DrainState } from '../health/drain-state';
import { createServiceApp } from './create-service-app';
import type { ServiceDefinition } from './service-definition';

/**
 * The process entry point of a service: validate configuration (exit 1 naming
 * every bad variable), start, and on SIGTERM/SIGINT drain then close in order
 * (HTTP and consumers first, the database last).
 */
export async function runService<TConfig extends BaseServiceConfig>(
  definition: ServiceDefinition<TConfig>,
): Promise<void> {
  let config: TConfig;
  try {
    config = loadConfig(definition.configClass);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${definition.name}: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  let app: INestApplication;
  try {
    app = await createServiceApp(definition, config);
  } catch (error) {
    process.stderr.write(
      `${definition.name}: failed to start: ${error instanceof Error ? `${error.name}: ${error.message}` : error}\n`,
    );
    process.exit(1);
  }
  process.stdout.write(
    `${JSON.stringify({ level: 30, service: definition.name, msg: 'started', url: await app.getUrl(), config: redactedConfig(config) })}\n`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.get(DrainState).startDraining();
    await new Promise((resolve) => setTimeout(resolve, config.SHUTDOWN_DRAIN_MS));
    try {
      await app.close();
      process.stdout.write(`${JSON.stringify({ level: 30, service: definition.name, msg: `stopped on ${signal}` })}\n`);
      process.exit(0);
    } catch (error) {
      process.stderr.write(`${definition.name}: unclean shutdown: ${error instanceof Error ? error.message : error}\n`);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
