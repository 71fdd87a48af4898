export * from './envelope';
export * from './event-definition';
export * from './registry';
export * from './consumers';
export * from './validation';
export * from './events';
export * from './asyncapi';
