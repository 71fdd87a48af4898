export * from './envelope';
export * from './event-definition';
export * from './registry';
export * from './validation';
export * from './events/tenancy.events';
export * from './events/conversation.events';
export * from './events/bot.events';
export * from './asyncapi';
