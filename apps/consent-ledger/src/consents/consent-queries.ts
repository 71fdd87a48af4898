import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ConsentEntry } from '@candor/consent-evidence';
import { inGivenOrNewTenantScope, inTenantScope } from '@candor/tenant-isolation';
import type {
  ConsentStateView,
  CountsQuery,
  PurposeDayCountView,
  SearchPageView,
  SearchQuery,
} from './dto/consent.views';

/**
 * What compliance staff ask of the ledger: a subject's state per purpose (now or at a past time),
 * their full history, searches with cursor pagination, and counts per purpose and day. Every answer
 * is read from the canonical entries themselves, the bytes the log vouches for.
 */
@Injectable()
export class ConsentQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The latest decision per purpose, as of `at`; `outdated` when granted to an older form version than the
   * newest one published by then (a version published later cannot make an earlier grant outdated).
   */
  async state(
    tenantId: string,
    subjectId: string,
    at?: Date,
    purpose?: string,
    given?: EntityManager,
  ): Promise<ConsentStateView[]> {
    return inGivenOrNewTenantScope(given, this.dataSource, tenantId, (manager) =>
      this.stateIn(manager, tenantId, subjectId, at, purpose),
    );
  }

  private async stateIn(
    manager: EntityManager,
    tenantId: string,
    subjectId: string,
    at?: Date,
    purpose?: string,
  ): Promise<ConsentStateView[]> {
    const rows: { canonical: string; current_version: number | null }[] = await manager.query(
      `SELECT DISTINCT ON (e."purpose") e."canonical",
              -- The newest version of the same form in the same locale as the version answered.
              (SELECT max(f."version") FROM "consent_ledger"."consent_forms" f
               JOIN "consent_ledger"."consent_forms" answered
                 ON answered."tenant_id" = f."tenant_id" AND answered."form_id" = f."form_id"
                AND answered."locale" = f."locale"
               WHERE answered."tenant_id" = e."tenant_id"
                 AND answered."form_id" = e."canonical"::jsonb ->> 'formId'
                 AND answered."version" = (e."canonical"::jsonb ->> 'formVersion')::int
                 AND ($3::timestamptz IS NULL OR f."published_at" <= $3)) AS "current_version"
       FROM "consent_ledger"."ledger_entries" e
       WHERE e."tenant_id" = $1 AND e."subject_id" = $2
         AND ($3::timestamptz IS NULL OR e."recorded_at" <= $3) AND ($4::text IS NULL OR e."purpose" = $4)
       ORDER BY e."purpose", e."leaf_index" DESC`,
      [tenantId, subjectId.toLowerCase(), at ?? null, purpose ?? null],
    );
    const states: ConsentStateView[] = rows.map((row) => {
      const entry = JSON.parse(row.canonical) as ConsentEntry;
      const current = row.current_version === null ? null : Number(row.current_version);
      const outdated =
        entry.action === 'granted' && current !== null && entry.formVersion !== null && entry.formVersion < current;
      return {
        purpose: entry.purpose,
        status: outdated ? 'outdated' : entry.action,
        entry,
        currentFormVersion: current,
      };
    });
    if (purpose && states.length === 0) {
      const [{ current }] = await manager.query(
        `SELECT max("version") AS "current" FROM "consent_ledger"."consent_forms"
         WHERE "tenant_id" = $1 AND "purpose" = $2 AND ($3::timestamptz IS NULL OR "published_at" <= $3)`,
        [tenantId, purpose, at ?? null],
      );
      return [
        { purpose, status: 'missing', entry: null, currentFormVersion: current === null ? null : Number(current) },
      ];
    }
    return states;
  }

  async history(tenantId: string, subjectId: string, purpose?: string): Promise<ConsentEntry[]> {
    const rows = await this.read<{ canonical: string }>(
      tenantId,
      `SELECT "canonical" FROM "consent_ledger"."ledger_entries"
       WHERE "tenant_id" = $1 AND "subject_id" = $2 AND ($3::text IS NULL OR "purpose" = $3)
       ORDER BY "leaf_index"`,
      [tenantId, subjectId.toLowerCase(), purpose ?? null],
    );
    return rows.map((row) => JSON.parse(row.canonical) as ConsentEntry);
  }

  /** Every entry with a leaf index in [from, to), in log order. */
  async range(tenantId: string, from: number, to: number): Promise<ConsentEntry[]> {
    const rows = await this.read<{ canonical: string }>(
      tenantId,
      `SELECT "canonical" FROM "consent_ledger"."ledger_entries"
       WHERE "tenant_id" = $1 AND "leaf_index" >= $2 AND "leaf_index" < $3 ORDER BY "leaf_index"`,
      [tenantId, from, to],
    );
    return rows.map((row) => JSON.parse(row.canonical) as ConsentEntry);
  }

  /** Entries in log order after `cursor` (a leaf index), filtered; the next cursor when there may be more. */
  async search(tenantId: string, query: SearchQuery, maxLimit = 1000): Promise<SearchPageView> {
    const limit = Math.min(query.limit ?? 100, maxLimit);
    const rows = await this.read<{ leaf_index: string; canonical: string }>(
      tenantId,
      `SELECT "leaf_index", "canonical" FROM "consent_ledger"."ledger_entries"
       WHERE "tenant_id" = $1 AND "leaf_index" > $2
         AND ($3::text IS NULL OR "purpose" = $3) AND ($4::text IS NULL OR "action" = $4)
         AND ($5::timestamptz IS NULL OR "recorded_at" >= $5) AND ($6::timestamptz IS NULL OR "recorded_at" < $6)
       ORDER BY "leaf_index" LIMIT $7`,
      [
        tenantId,
        query.cursor ?? -1,
        query.purpose ?? null,
        query.action ?? null,
        query.from ?? null,
        query.to ?? null,
        limit + 1,
      ],
    );
    const page = rows.slice(0, limit);
    return {
      entries: page.map((row) => JSON.parse(row.canonical) as ConsentEntry),
      nextCursor: rows.length > limit ? Number(page[page.length - 1].leaf_index) : null,
    };
  }

  async counts(tenantId: string, query: CountsQuery): Promise<PurposeDayCountView[]> {
    const rows = await this.read<{ purpose: string; day: string; granted: string; withdrawn: string; expired: string }>(
      tenantId,
      `SELECT "purpose", to_char(("recorded_at" AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS "day",
                count(*) FILTER (WHERE "action" = 'granted') AS "granted",
                count(*) FILTER (WHERE "action" = 'withdrawn') AS "withdrawn",
                count(*) FILTER (WHERE "action" = 'expired') AS "expired"
         FROM "consent_ledger"."ledger_entries"
         WHERE "tenant_id" = $1 AND ($2::timestamptz IS NULL OR "recorded_at" >= $2)
           AND ($3::timestamptz IS NULL OR "recorded_at" < $3)
         GROUP BY 1, 2 ORDER BY 2, 1`,
      [tenantId, query.from ?? null, query.to ?? null],
    );
    return rows.map((row) => ({
      purpose: row.purpose,
      day: row.day,
      granted: Number(row.granted),
      withdrawn: Number(row.withdrawn),
      expired: Number(row.expired),
    }));
  }

  /** One read statement in a transaction scoped to the tenant. */
  private read<Row>(tenantId: string, sql: string, parameters: unknown[]): Promise<Row[]> {
    return inTenantScope(this.dataSource, tenantId, (manager) => manager.query(sql, parameters));
  }
}
