import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Principal, auditActorOf } from '@candor/auth';
import { AuditTrail } from '@candor/platform';
import { inTenantScope } from '@candor/tenant-isolation';
import { IsolatedPlaybookParser } from './isolated-playbook-parser';
import { type Playbook, validatePlaybook } from './model';
import type { PlaybookSourceDto, PlaybookSummaryView } from './dto/playbook.dto';
import { PlaybookVersion } from './playbook-version.entity';
import { BotEngineError } from '../bot-engine-error';

/** Published versions never change, so parsed ones are kept; the bound keeps memory flat. */
const CACHE_LIMIT = 1_000;

/**
 * A tenant's playbooks: uploaded as JSON or YAML, validated (errors point at the faulty node),
 * stored as numbered versions; a published version is immutable, and a conversation keeps the
 * version it started with.
 */
@Injectable()
export class Playbooks {
  private readonly parsed = new Map<string, Playbook>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly parser: IsolatedPlaybookParser,
    private readonly audit: AuditTrail,
  ) {}

  async addVersion(principal: Principal, key: string, request: PlaybookSourceDto): Promise<PlaybookVersion> {
    const tenantId = principal.tenantId;
    const playbook = await this.validate(request);
    return inTenantScope(this.dataSource, tenantId, async (manager) => {
      // Versions of one playbook are numbered one at a time.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`playbook:${tenantId}:${key}`]);
      const [{ next }] = await manager.query(
        `SELECT coalesce(max("version"), 0) + 1 AS "next" FROM "bot_engine"."playbook_versions"
         WHERE "tenant_id" = $1 AND "playbook_key" = $2`,
        [tenantId, key],
      );
      const version = manager.create(PlaybookVersion, {
        tenantId,
        playbookKey: key,
        version: next,
        status: 'draft',
        format: request.format,
        source: request.source,
        document: playbook,
        createdAt: new Date(),
        publishedAt: null,
      });
      await manager.insert(PlaybookVersion, version);
      await this.record(manager, principal, 'playbook_version.added', version);
      return version;
    });
  }

  /** Replaces a draft's source; a published version answers 409 and stays as it was. */
  async replaceDraft(principal: Principal, key: string, number: number, request: PlaybookSourceDto) {
    const tenantId = principal.tenantId;
    const playbook = await this.validate(request);
    return inTenantScope(this.dataSource, tenantId, async (manager) => {
      const version = await this.lockVersion(manager, tenantId, key, number);
      if (version.status === 'published') {
        throw new BotEngineError('version_immutable', 'A published version cannot change; add a new version');
      }
      Object.assign(version, { format: request.format, source: request.source, document: playbook });
      await manager.update(
        PlaybookVersion,
        { tenantId, playbookKey: key, version: number },
        { format: version.format, source: version.source, document: playbook },
      );
      await this.record(manager, principal, 'playbook_version.replaced', version);
      return version;
    });
  }

  async publish(principal: Principal, key: string, number: number): Promise<PlaybookVersion> {
    const tenantId = principal.tenantId;
    return inTenantScope(this.dataSource, tenantId, async (manager) => {
      const version = await this.lockVersion(manager, tenantId, key, number);
      if (version.status === 'published') return version;
      version.status = 'published';
      version.publishedAt = new Date();
      await manager.update(
        PlaybookVersion,
        { tenantId, playbookKey: key, version: number },
        { status: version.status, publishedAt: version.publishedAt },
      );
      await this.record(manager, principal, 'playbook_version.published', version);
      return version;
    });
  }

  async get(tenantId: string, key: string, number: number): Promise<PlaybookVersion> {
    return inTenantScope(this.dataSource, tenantId, (manager) =>
      this.lockVersion(manager, tenantId, key, number, false),
    );
  }

  async list(tenantId: string): Promise<PlaybookSummaryView[]> {
    const rows: { key: string; latest_published: number | null; latest: number }[] = await inTenantScope(
      this.dataSource,
      tenantId,
      (manager) =>
        manager.query(
          `SELECT "playbook_key" AS "key", max("version") FILTER (WHERE "status" = 'published') AS "latest_published",
                  max("version") AS "latest"
           FROM "bot_engine"."playbook_versions" WHERE "tenant_id" = $1 GROUP BY "playbook_key" ORDER BY 1`,
          [tenantId],
        ),
    );
    return rows.map((row) => ({
      key: row.key,
      latestPublishedVersion: row.latest_published,
      latestVersion: row.latest,
    }));
  }

  /** The latest published version of a playbook, for a conversation about to start it. */
  async latestPublished(manager: EntityManager, tenantId: string, key: string): Promise<number | null> {
    const [row] = await manager.query(
      `SELECT max("version") AS "version" FROM "bot_engine"."playbook_versions"
       WHERE "tenant_id" = $1 AND "playbook_key" = $2 AND "status" = 'published'`,
      [tenantId, key],
    );
    return row?.version ?? null;
  }

  /** A published version, parsed once and then served from memory. */
  async published(manager: EntityManager, tenantId: string, key: string, number: number): Promise<Playbook | null> {
    const cacheKey = `${tenantId}/${key}/${number}`;
    const cached = this.parsed.get(cacheKey);
    if (cached) return cached;
    const version = await manager.findOneBy(PlaybookVersion, { tenantId, playbookKey: key, version: number });
    if (!version || version.status !== 'published') return null;
    const result = validatePlaybook(version.document);
    // Stored documents were validated on upload; one that no longer validates is skipped, not run.
    if (!result.ok) return null;
    if (this.parsed.size >= CACHE_LIMIT) this.parsed.delete(this.parsed.keys().next().value as string);
    this.parsed.set(cacheKey, result.playbook);
    return result.playbook;
  }

  private record(
    manager: EntityManager,
    principal: Principal,
    action: 'playbook_version.added' | 'playbook_version.replaced' | 'playbook_version.published',
    version: Pick<PlaybookVersion, 'playbookKey' | 'version'>,
  ): Promise<void> {
    return this.audit.record(manager, {
      tenantId: principal.tenantId,
      actor: auditActorOf(principal),
      action,
      target: `${version.playbookKey}/${version.version}`,
    });
  }

  private async validate(request: PlaybookSourceDto): Promise<Playbook> {
    const result = await this.parser.parse(request.source, request.format);
    if (!result.ok) {
      throw new BotEngineError('invalid_playbook', `The playbook has ${result.errors.length} error(s)`, result.errors);
    }
    return result.playbook;
  }

  private async lockVersion(
    manager: EntityManager,
    tenantId: string,
    key: string,
    number: number,
    lock = true,
  ): Promise<PlaybookVersion> {
    const version = await manager.findOne(PlaybookVersion, {
      where: { tenantId, playbookKey: key, version: number },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!version) throw new BotEngineError('not_found', 'No such playbook version');
    return version;
  }
}
