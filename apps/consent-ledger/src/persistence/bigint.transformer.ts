import type { ValueTransformer } from 'typeorm';

/** Postgres bigint comes back as a string; Candor's counts and indexes stay far below 2^53. */
export const BIGINT_AS_NUMBER: ValueTransformer = {
  to: (value: number | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
