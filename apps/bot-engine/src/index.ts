/** What system tests (apps/candor-e2e) may use of this service; nothing else imports an app. */
export * from './bot-engine.service-definition';
