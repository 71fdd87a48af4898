export * from './key-management.contract';
