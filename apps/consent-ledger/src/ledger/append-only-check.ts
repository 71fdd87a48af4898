import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CONSENT_LEDGER_SCHEMA, EVIDENCE_TABLES } from '../persistence/consent-ledger-schema';

export interface AppendOnlyStatus {
  /** Whether the database itself stops the service's own role from changing or removing evidence rows. */
  appendOnlyEnforced: boolean;
  /** What lets it (table names only), empty when enforced. */
  appendOnlyGaps: string[];
}

/**
 * Asks the database, as the service's own role, whether that role could change or remove ledger rows: if it owns
 * the evidence tables (or is a member of their owner's role), it can re-grant itself UPDATE or disable the
 * triggers, so append-only holds only against others. Checked at boot (a warning, not a failure: single-role
 * deployments must still start) and reported with every status and verification.
 */
@Injectable()
export class AppendOnlyCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(AppendOnlyCheck.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    const { appendOnlyEnforced, appendOnlyGaps } = await this.status().catch(() => ({
      appendOnlyEnforced: false,
      appendOnlyGaps: ['the check could not run'],
    }));
    if (appendOnlyEnforced) return;
    this.logger.warn(
      `The database does not enforce append-only on the consent ledger for the service's own role: ` +
        `${appendOnlyGaps.join('; ')}. Run migrations as the schema owner (MIGRATIONS_DATABASE_URL) and the ` +
        `service as a role that owns nothing (DATABASE_URL).`,
    );
  }

  async status(): Promise<AppendOnlyStatus> {
    const rows: { name: string; owned: boolean; changeable: boolean; guarded: boolean }[] = await this.dataSource.query(
      `SELECT t."name",
                coalesce(pg_has_role(current_user, c."relowner", 'MEMBER'), false) AS "owned",
                coalesce(has_table_privilege(c."oid", 'UPDATE') OR has_table_privilege(c."oid", 'DELETE')
                         OR has_table_privilege(c."oid", 'TRUNCATE'), false) AS "changeable",
                (SELECT count(*) FROM "pg_trigger" g
                 WHERE g."tgrelid" = c."oid" AND g."tgenabled" <> 'D'
                   AND g."tgname" IN (t."name" || '_append_only', t."name" || '_no_truncate')) = 2 AS "guarded"
         FROM unnest($2::text[]) AS t("name")
         LEFT JOIN "pg_class" c ON c."relname" = t."name"
          AND c."relnamespace" = (SELECT n."oid" FROM "pg_namespace" n WHERE n."nspname" = $1)`,
      [CONSENT_LEDGER_SCHEMA, EVIDENCE_TABLES],
    );
    const named = (what: string, found: typeof rows) =>
      found.length > 0 ? [`${what} ${found.map((row) => row.name).join(', ')}`] : [];
    const gaps = [
      ...named(
        "the service's role owns (or may act as the owner of)",
        rows.filter((row) => row.owned),
      ),
      ...named(
        'it may UPDATE, DELETE or TRUNCATE',
        rows.filter((row) => row.changeable),
      ),
      ...named(
        'append-only triggers are missing or disabled on',
        rows.filter((row) => !row.guarded),
      ),
    ];
    return { appendOnlyEnforced: gaps.length === 0, appendOnlyGaps: gaps };
  }
}
