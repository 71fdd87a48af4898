import { NestFactory } from '@nestjs/core';
import { type ServiceDefinition, loadConfig, serviceOpenApiDocument } from '@candor/platform';
import { SERVICES, type ServiceName } from './candor-stack';

/** Values that pass validation and reach nothing: a preview application never connects. */
const PREVIEW_ENVIRONMENT = {
  DATABASE_URL: 'postgres://preview@127.0.0.1:1/preview',
  KAFKA_BROKERS: '127.0.0.1:1',
  LOCAL_MASTER_KEY: `${'A'.repeat(43)}=`,
  BOOTSTRAP_API_KEY: 'p'.repeat(32),
  VISITOR_TOKEN_SECRET: 'p'.repeat(32),
};

/**
 * A service's OpenAPI document as it serves it at /docs-json, built from its modules in Nest's preview mode (no
 * provider is created, so no database, broker or key service is needed).
 */
export async function openApiDocumentOf(name: ServiceName): Promise<object> {
  const definition = SERVICES[name] as ServiceDefinition<never>;
  const config = loadConfig(definition.configClass, PREVIEW_ENVIRONMENT);
  const app = await NestFactory.create(definition.rootModule(config), { preview: true, logger: false });
  try {
    return serviceOpenApiDocument(app, definition);
  } finally {
    await app.close();
  }
}
