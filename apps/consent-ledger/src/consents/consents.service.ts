import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type ConsentEntry, entryLeafHash } from '@candor/consent-evidence';
import { categoriesIn } from '@candor/privacy';
import { inTenantScope } from '@candor/tenant-isolation';
import { LedgerProofs } from '../ledger/ledger-proofs';
import { TreeHeads } from '../ledger/tree-heads';
import { AppendQueue } from './append-queue';
import { ConsentQueries } from './consent-queries';
import { type ConsentDecision, ConsentRecorder } from './consent-recorder';
import type { RecordConsentDto } from './dto/record-consent.dto';
import type { ExportQuery, RecordedConsentView } from './dto/consent.views';
import { LedgerError } from '../ledger-error';

/** Entries in one export: beyond it, narrow the range (exports stay bounded in memory). */
export const EXPORT_LIMIT = 10_000;

@Injectable()
export class ConsentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: ConsentRecorder,
    private readonly queries: ConsentQueries,
    private readonly heads: TreeHeads,
    private readonly proofs: LedgerProofs,
    private readonly queue: AppendQueue,
  ) {}

  /** Records one decision, committed together with others arriving meanwhile; answered once it is in the log. */
  async recordOne(
    tenantId: string,
    request: RecordConsentDto,
    idempotencyKey: string | null = null,
  ): Promise<RecordedConsentView> {
    return recorded(await this.queue.submit(tenantId, toDecision(request), idempotencyKey));
  }

  /** Records decisions all or none; answered only once they are in the log (fail closed). */
  async recordAll(tenantId: string, requests: readonly RecordConsentDto[]): Promise<RecordedConsentView[]> {
    const decisions = requests.map(toDecision);
    const entries = await inTenantScope(this.dataSource, tenantId, (manager) =>
      this.recorder.record(manager, tenantId, decisions),
    );
    return entries.map(recorded);
  }

  /**
   * Entries with inclusion proofs against a head signed now, as a bundle or CSV rows. Without a filter, every
   * entry from the cursor up to that head: a contiguous range, which the offline verifier checks is whole.
   */
  async export(tenantId: string, query: ExportQuery) {
    const { purpose = null, action = null, from, to } = query;
    if (purpose === null && action === null && from === undefined && to === undefined) {
      const head = await this.signedHead(tenantId);
      const fromIndex = Math.min(query.cursor === undefined ? 0 : query.cursor + 1, head.treeSize);
      if (head.treeSize - fromIndex > EXPORT_LIMIT) throw tooLarge();
      const entries = await this.queries.range(tenantId, fromIndex, head.treeSize);
      return this.proofs.bundle(head, entries, { kind: 'range', fromIndex, toIndex: head.treeSize }, query.since);
    }
    const page = await this.queries.search(tenantId, { ...query, limit: EXPORT_LIMIT }, EXPORT_LIMIT);
    if (page.nextCursor !== null) throw tooLarge();
    const filter = {
      purpose,
      action,
      recordedFrom: from?.toISOString() ?? null,
      recordedBefore: to?.toISOString() ?? null,
      afterLeafIndex: query.cursor ?? null,
    };
    return this.proofs.bundle(await this.signedHead(tenantId), page.entries, { kind: 'filtered', filter }, query.since);
  }

  private async signedHead(tenantId: string) {
    const head = await this.heads.signNow(tenantId);
    if (!head) throw new LedgerError('no_signed_head', 'The log is empty: nothing to export');
    return head;
  }
}

function tooLarge(): LedgerError {
  return new LedgerError('export_too_large', `More than ${EXPORT_LIMIT} entries match: narrow the range`);
}

function recorded(entry: ConsentEntry): RecordedConsentView {
  return { entry, leafHash: entryLeafHash(entry).toString('hex') };
}

function toDecision(request: RecordConsentDto): ConsentDecision {
  // The ledger can never forget: a reference that looks like an email, a phone or another identifier stays out.
  const reference = request.evidence?.reference;
  const found = reference ? [...categoriesIn(reference)] : [];
  if (found.length > 0) {
    throw new LedgerError('personal_data_in_reference', `evidence.reference looks like: ${found.join(', ')}`);
  }
  return {
    subjectId: request.subjectId.toLowerCase(),
    purpose: request.purpose,
    action: request.action,
    legalBasis: request.legalBasis ?? 'consent',
    formId: request.formId ?? null,
    formVersion: request.formVersion ?? null,
    formLocale: request.formLocale ?? null,
    channel: request.channel ?? 'api',
    evidence: {
      conversationId: request.evidence?.conversationId?.toLowerCase() ?? null,
      messageId: request.evidence?.messageId?.toLowerCase() ?? null,
      reference: request.evidence?.reference ?? null,
    },
    jurisdiction: request.jurisdiction ?? null,
    actor: request.actor ?? 'integrator',
    recordedAt: new Date().toISOString(),
  };
}

/** CSV of an export bundle: one row per entry with its leaf hash, inclusion proof and the signed head. */
export function bundleToCsv(bundle: Awaited<ReturnType<ConsentsService['export']>>): string {
  const header = [
    'leaf_index',
    'subject_id',
    'purpose',
    'action',
    'legal_basis',
    'form_id',
    'form_version',
    'form_text_hash',
    'channel',
    'actor',
    'jurisdiction',
    'conversation_id',
    'message_id',
    'reference',
    'recorded_at',
    'leaf_hash',
    'inclusion_proof',
    'tree_size',
    'root_hash',
    'tree_head_timestamp',
    'tree_head_signature',
  ];
  const head = bundle.treeHead;
  const rows = bundle.entries.map(({ entry, inclusionProof }: { entry: ConsentEntry; inclusionProof: string[] }) => [
    entry.leafIndex,
    entry.subjectId,
    entry.purpose,
    entry.action,
    entry.legalBasis,
    entry.formId,
    entry.formVersion,
    entry.formTextHash,
    entry.channel,
    entry.actor,
    entry.jurisdiction,
    entry.evidence.conversationId,
    entry.evidence.messageId,
    entry.evidence.reference,
    entry.recordedAt,
    entryLeafHash(entry).toString('hex'),
    inclusionProof.join(' '),
    head.treeSize,
    head.rootHash,
    head.timestamp,
    head.signature,
  ]);
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula. */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
