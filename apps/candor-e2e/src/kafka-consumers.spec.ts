import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import type { DynamicModule, Type } from '@nestjs/common';
import { CANDOR_SERVICES, CONSUMED_TOPICS } from '@candor/contracts';
import { type ServiceDefinition, loadConfig } from '@candor/platform';
import { SERVICES } from './support/candor-stack';

/** Configuration good enough to build a service's module tree (nothing connects). */
const ENVIRONMENT = {
  DATABASE_URL: 'postgres://candor:candor@127.0.0.1:1/unused',
  KAFKA_BROKERS: '127.0.0.1:1',
  BOOTSTRAP_API_KEY: 'b'.repeat(48),
  VISITOR_TOKEN_SECRET: 'v'.repeat(64),
  LOCAL_MASTER_KEY: Buffer.alloc(32, 1).toString('base64'),
  PORT: '0',
};

type ModuleLike = Type | DynamicModule | Promise<DynamicModule> | undefined;

/** Every controller of a module tree, walking `@Module` metadata and dynamic modules without starting Nest. */
function controllersOf(root: ModuleLike, seen = new Set<unknown>()): Type[] {
  if (!root || root instanceof Promise || seen.has(root)) return [];
  seen.add(root);
  const moduleClass = typeof root === 'function' ? root : root.module;
  const dynamic: Partial<DynamicModule> = typeof root === 'function' ? {} : root;
  const imports: ModuleLike[] = [...(Reflect.getMetadata('imports', moduleClass) ?? []), ...(dynamic.imports ?? [])];
  const controllers: Type[] = [
    ...(Reflect.getMetadata('controllers', moduleClass) ?? []),
    ...(dynamic.controllers ?? []),
  ];
  return [...controllers, ...imports.flatMap((imported) => controllersOf(imported, seen))];
}

/** The topics of a service's `@EventPattern` handlers. */
function consumedBy(definition: ServiceDefinition<never>): string[] {
  const config = loadConfig(definition.configClass, ENVIRONMENT);
  const patterns = new Set<string>();
  for (const controller of controllersOf(definition.rootModule(config))) {
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = Object.getOwnPropertyDescriptor(prototype, name)?.value;
      if (typeof handler !== 'function') continue;
      for (const pattern of (Reflect.getMetadata(PATTERN_METADATA, handler) as unknown[] | undefined) ?? []) {
        patterns.add(String(pattern));
      }
    }
  }
  return [...patterns].sort();
}

/**
 * The broker's ACLs let a service read only the topics CONSUMED_TOPICS (libs/contracts) lists for it: a handler
 * added without its line there would be refused by the broker at start-up. This says which line is missing.
 */
describe('the consumption map the Kafka ACLs are made from', () => {
  it.each(CANDOR_SERVICES)('lists exactly the topics of the %s service’s event handlers', (service) => {
    expect(consumedBy(SERVICES[service] as ServiceDefinition<never>)).toEqual([...CONSUMED_TOPICS[service]].sort());
  });
});
