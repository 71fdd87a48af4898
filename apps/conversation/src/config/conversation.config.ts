import { IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { BaseServiceConfig, Secret } from '@candor/platform';

export class ConversationConfig extends BaseServiceConfig {
  /** HTTP port of the service. */
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 4101;

  /** Operator credential for `POST /v1/tenants`; keep it in a secret store. */
  @Secret()
  @IsString()
  @MinLength(32)
  BOOTSTRAP_API_KEY: string;

  /**
   * HMAC key that signs visitor tokens. To rotate it without signing visitors out, move the old one to
   * VISITOR_TOKEN_PREVIOUS_SECRETS until its tokens have expired (VISITOR_TOKEN_TTL_SECONDS).
   */
  @Secret()
  @IsString()
  @MinLength(32)
  VISITOR_TOKEN_SECRET: string;

  /** Earlier signing keys, comma-separated (at least 32 characters each): accepted, never used to sign. */
  @Secret()
  @IsOptional()
  @Matches(/^[^,\s]{32,}(,[^,\s]{32,})*$/, { message: 'must be comma-separated keys of at least 32 characters' })
  VISITOR_TOKEN_PREVIOUS_SECRETS: string;

  get previousVisitorTokenSecrets(): string[] {
    return this.VISITOR_TOKEN_PREVIOUS_SECRETS ? this.VISITOR_TOKEN_PREVIOUS_SECRETS.split(',') : [];
  }

  /** How long a visitor token stays valid. */
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  VISITOR_TOKEN_TTL_SECONDS: number = 24 * 3600;

  /**
   * How often open WebSockets are checked again: a socket whose API key was revoked (or whose tenant was
   * off-boarded), or whose conversation closed, is closed within this time on every instance.
   */
  @IsInt()
  @Min(200)
  @Max(60_000)
  STREAM_RECHECK_INTERVAL_MS: number = 5_000;

  /** Conversations one client address may start per minute (counted under a keyed hash of the address). */
  @IsInt()
  @Min(1)
  RATE_LIMIT_CONVERSATIONS_PER_ADDRESS_PER_MINUTE: number = 60;

  /** Conversations one site (site key) may start per minute, whoever starts them. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_CONVERSATIONS_PER_SITE_PER_MINUTE: number = 3_000;

  /** Messages a visitor may post in one conversation per minute. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_MESSAGES_PER_CONVERSATION_PER_MINUTE: number = 60;

  /** How long an API key lives when its request names no lifetime (`expiresInDays`); rotate before then. */
  @IsInt()
  @Min(1)
  @Max(3_650)
  API_KEY_LIFETIME_DAYS: number = 365;
}
