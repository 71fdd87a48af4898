export * from './categories';
export * from './checksums';
export * from './guard';
