import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Principal, auditActorOf } from '@candor/auth';
import { AuditTrail } from '@candor/platform';
import { inGivenOrNewTenantScope, inTenantScope } from '@candor/tenant-isolation';
import { RecentlyUsed } from '../caching/recently-used';
import { normaliseAvatar, validatePersona } from '../personas/policy';
import type { UpdateTenantBotDto } from './dto/tenant-bot.dto';
import { TenantBot } from './tenant-bot.entity';
import { BotEngineError } from '../bot-engine-error';

/** The bot a tenant gets before configuring one: honest by construction, with the built-in greetings. */
export const DEFAULT_PERSONA_NAME = 'Candor Assistant';

export function defaultTenantBot(tenantId: string): TenantBot {
  return Object.assign(new TenantBot(), {
    tenantId,
    personaName: DEFAULT_PERSONA_NAME,
    personaAvatar: null,
    personaTone: 'neutral',
    personaDisclosure: {},
    secureChannelUrl: null,
    meetingUrl: null,
    activePlaybookKey: null,
    updatedAt: new Date(0),
  });
}

/** How long this process trusts a tenant's bot it read: what another instance's PUT /v1/bot changed shows within it. */
const CACHE_TTL_MS = 5_000;
/** Tenants whose bots are kept at once; the least recently used goes first. */
const CACHE_ENTRIES = 1_000;

/**
 * Tenants' bots, read on every visitor message, so kept in memory for a few seconds (CACHE_TTL_MS, at most
 * CACHE_ENTRIES tenants). Only PUT /v1/bot changes a bot: on this instance the new bot replaces the cached one
 * as soon as it is committed; other instances converge within the TTL (no event announces bot changes).
 * Callers must not change the bot they get.
 */
@Injectable()
export class TenantBots {
  private readonly cache = new RecentlyUsed<TenantBot>({ maxEntries: CACHE_ENTRIES, ttlMs: CACHE_TTL_MS });
  /** Bumped by every update: a read that started before it may not fill the cache with what it read. */
  private generation = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async of(tenantId: string, manager?: EntityManager): Promise<TenantBot> {
    const cached = this.cache.get(tenantId);
    if (cached) return cached;
    const generation = this.generation;
    const bot = await this.stored(tenantId, manager);
    if (generation === this.generation) this.cache.set(tenantId, bot);
    return bot;
  }

  /** As stored now, past the cache (what an administrator reads back). */
  async stored(tenantId: string, manager?: EntityManager): Promise<TenantBot> {
    const row = await inGivenOrNewTenantScope(manager, this.dataSource, tenantId, (scoped) =>
      scoped.findOneBy(TenantBot, { tenantId }),
    );
    return row ?? defaultTenantBot(tenantId);
  }

  /** Refuses (422, with every reason) a persona that could pass as human, or a playbook never published. */
  async update(principal: Principal, request: UpdateTenantBotDto): Promise<TenantBot> {
    const tenantId = principal.tenantId;
    const persona = { ...request.persona, avatar: request.persona.avatar ?? null };
    const violations = validatePersona(persona);
    if (violations.length > 0) {
      throw new BotEngineError(
        'persona_rejected',
        'The persona could pass as a human or lacks a clear bot disclosure',
        violations,
      );
    }
    this.generation += 1;
    const bot = await inTenantScope(this.dataSource, tenantId, async (manager) => {
      const key = request.activePlaybookKey ?? null;
      if (key) {
        const [published] = await manager.query(
          `SELECT 1 FROM "bot_engine"."playbook_versions"
           WHERE "tenant_id" = $1 AND "playbook_key" = $2 AND "status" = 'published' LIMIT 1`,
          [tenantId, key],
        );
        if (!published) {
          throw new BotEngineError('playbook_not_published', `Playbook ${key} has no published version`);
        }
      }
      const bot = manager.create(TenantBot, {
        tenantId,
        personaName: persona.name.trim(),
        personaAvatar: normaliseAvatar(persona.avatar),
        personaTone: persona.tone,
        personaDisclosure: Object.fromEntries(
          Object.entries(persona.disclosure).filter(([, text]) => typeof text === 'string'),
        ),
        secureChannelUrl: request.secureChannelUrl ?? null,
        meetingUrl: request.meetingUrl ?? null,
        activePlaybookKey: key,
        updatedAt: new Date(),
      });
      await manager.upsert(TenantBot, bot, ['tenantId']);
      await this.audit.record(manager, {
        tenantId,
        actor: auditActorOf(principal),
        action: 'bot.updated',
        target: null,
      });
      return bot;
    });
    this.generation += 1;
    this.cache.set(bot.tenantId, bot);
    return bot;
  }
}
