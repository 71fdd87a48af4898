/** What system tests (apps/candor-e2e) may use of this service; nothing else imports an app. */
export * from './dsr.service-definition';
export * from './key-rotation/key-rotation.scheduler';
