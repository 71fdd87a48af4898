import type { Server } from 'node:http';
import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { createReliableKafkaServer } from '@candor/messaging';
import type { BaseServiceConfig } from '../config/base-service.config';
import { messagingSettingsFrom } from '../config/messaging-settings-from-config';
import { AllExceptionsFilter } from '../http/all-exceptions.filter';
import { jsonBodyMiddleware } from '../http/json-body.middleware';
import { expressRoutes, methodNotAllowedMiddleware } from '../http/method-not-allowed.middleware';
import { completeOpenApiDocument } from '../http/openapi-document';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import type { ServiceDefinition } from './service-definition';

/**
 * The service's OpenAPI document, completed with the errors every route can give: served at /docs-json and
 * committed under docs/openapi/ (`npm run docs:openapi`, from an application built in preview mode).
 */
export function serviceOpenApiDocument(
  app: INestApplication,
  definition: Pick<ServiceDefinition<never>, 'title' | 'description'>,
) {
  return completeOpenApiDocument(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle(definition.title)
        .setDescription(definition.description)
        .setVersion('1')
        .addBearerAuth({
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'cnd_… API key, vt.… visitor token or the operator bootstrap key',
          description:
            'API key (cnd_…) or visitor token (vt.…); creating and off-boarding tenants takes the bootstrap key',
        })
        .build(),
    ),
  );
}

/**
 * Builds and starts a service: HTTP (validated JSON in, JSON errors out, 405 with
 * `Allow` for a method a known path does not answer, OpenAPI at /docs and
 * /docs-json, completed with the errors every route can give) plus its Kafka
 * consumers, listening on HOST:PORT. Used by `main.ts` and by integration tests alike.
 */
export async function createServiceApp<TConfig extends BaseServiceConfig>(
  definition: ServiceDefinition<TConfig>,
  config: TConfig,
): Promise<INestApplication> {
  const app = await NestFactory.create(definition.rootModule(config), {
    bodyParser: false,
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  // Behind an ingress the client's address comes from X-Forwarded-For, trusted for that many hops only.
  if (config.HTTP_TRUSTED_PROXIES > 0)
    app.getHttpAdapter().getInstance().set('trust proxy', config.HTTP_TRUSTED_PROXIES);
  app.use(httpMetricsMiddleware(definition.name));
  app.use(methodNotAllowedMiddleware(() => expressRoutes(app.getHttpAdapter().getInstance())));
  app.use(jsonBodyMiddleware(config.HTTP_BODY_LIMIT_BYTES, config.HTTP_REQUEST_TIMEOUT_MS));
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, forbidUnknownValues: true }),
  );
  definition.configure?.(app, config);

  SwaggerModule.setup('docs', app, serviceOpenApiDocument(app, definition), { jsonDocumentUrl: 'docs-json' });

  app.connectMicroservice(
    { strategy: createReliableKafkaServer(app, messagingSettingsFrom(config, definition.name, definition.schema)) },
    { inheritAppConfig: true },
  );
  await app.init();
  await app.startAllMicroservices();
  // A client that sends its body slowly (or never finishes it) must not hold a connection and its buffers for long.
  const server = app.getHttpServer() as Server;
  server.requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  server.headersTimeout = Math.min(server.headersTimeout, config.HTTP_REQUEST_TIMEOUT_MS);
  await app.listen(config.PORT, config.HOST);
  return app;
}
