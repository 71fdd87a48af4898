import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { Secret } from './secret.decorator';

// Reads the raw variable: implicit conversion would already have turned "false" into true.
const toBoolean = ({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
  const raw = obj[key];
  if (typeof raw !== 'string') return raw;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  return raw;
};

/** Settings every Candor service shares; each service extends it with its own. */
export abstract class BaseServiceConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: string = 'development';

  /** Interface the HTTP server binds to; 0.0.0.0 inside containers. */
  @IsString()
  @Matches(/^[0-9a-fA-F.:]+$/, { message: 'must be an IP address' })
  HOST: string = '127.0.0.1';

  @IsInt()
  @Min(0)
  @Max(65535)
  abstract PORT: number;

  @Secret()
  @IsString()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL: string;

  @IsString()
  @Matches(/^[\w.-]+:\d+(,[\w.-]+:\d+)*$/, { message: 'must be host:port[,host:port…]' })
  KAFKA_BROKERS: string;

  /** Optional prefix for every topic and consumer group, to share one cluster between environments. */
  @IsString()
  @Matches(/^([a-z0-9][a-z0-9-]{0,39})?$/, { message: 'must be empty or lower-case letters, digits, dashes' })
  KAFKA_NAMESPACE: string = '';

  @IsInt()
  @Min(1)
  @Max(1000)
  KAFKA_TOPIC_PARTITIONS: number = 3;

  @IsInt()
  @Min(1)
  @Max(100)
  CONSUMER_MAX_ATTEMPTS: number = 5;

  @IsInt()
  @Min(1)
  CONSUMER_RETRY_BASE_MS: number = 200;

  /** Kept under the consumer session timeout (30 s): a longer sleep would get the consumer evicted. */
  @IsInt()
  @Min(1)
  @Max(20_000)
  CONSUMER_RETRY_MAX_MS: number = 10_000;

  @IsInt()
  @Min(1)
  @Max(100)
  CONSUMER_CONCURRENT_PARTITIONS: number = 3;

  @IsInt()
  @Min(10)
  OUTBOX_POLL_INTERVAL_MS: number = 1_000;

  @IsInt()
  @Min(1)
  OUTBOX_RETENTION_HOURS: number = 72;

  @Transform(toBoolean)
  @IsBoolean()
  RUN_MIGRATIONS: boolean = true;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** Largest accepted request body, in bytes. */
  @IsInt()
  @Min(1024)
  HTTP_BODY_LIMIT_BYTES: number = 65_536;

  /** How long readiness reports "draining" before the service stops, so load balancers stop routing to it. */
  @IsInt()
  @Min(0)
  SHUTDOWN_DRAIN_MS: number = 0;

  @IsInt()
  @Min(1)
  DATABASE_POOL_SIZE: number = 10;
}
