export * from './field-cipher';
export * from './key-management';
export * from './local/local-key-management.service';
export * from './personal-data-cipher';
export * from './subject-key-ring';
export * from './vault/vault-key-management.service';
export * from './vault/vault-settings';
export * from './blind-index';
