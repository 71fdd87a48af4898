import { rateLimitWindowsMigration } from '@candor/platform';

/** Request counters shared by the service's instances, for its rate limits. */
export const RateLimitWindows1765180800003 = rateLimitWindowsMigration('dsr');
