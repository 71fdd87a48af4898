import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ApiException } from '@candor/platform';
import { validatePersona } from '../personas/policy';
import type { UpdateTenantBotDto } from './dto/tenant-bot.dto';
import { TenantBot } from './tenant-bot.entity';

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

@Injectable()
export class TenantBots {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(tenantId: string, manager: EntityManager = this.dataSource.manager): Promise<TenantBot> {
    return (await manager.findOneBy(TenantBot, { tenantId })) ?? defaultTenantBot(tenantId);
  }

  /** Refuses (422, with every reason) a persona that could pass as human, or a playbook never published. */
  async update(tenantId: string, request: UpdateTenantBotDto): Promise<TenantBot> {
    const persona = { ...request.persona, avatar: request.persona.avatar ?? null };
    const violations = validatePersona(persona);
    if (violations.length > 0) {
      throw new ApiException(
        422,
        'persona_rejected',
        'The persona could pass as a human or lacks a clear bot disclosure',
        violations,
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const key = request.activePlaybookKey ?? null;
      if (key) {
        const [published] = await manager.query(
          `SELECT 1 FROM "bot_engine"."playbook_versions"
           WHERE "tenant_id" = $1 AND "playbook_key" = $2 AND "status" = 'published' LIMIT 1`,
          [tenantId, key],
        );
        if (!published) {
          throw new ApiException(422, 'playbook_not_published', `Playbook ${key} has no published version`);
        }
      }
      const bot = manager.create(TenantBot, {
        tenantId,
        personaName: persona.name.trim(),
        personaAvatar: persona.avatar,
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
      return bot;
    });
  }
}
