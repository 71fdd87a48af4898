export * from './row-level-security';
export * from './tenant-scope';
