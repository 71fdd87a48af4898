import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { consentRecordedV1 } from '@candor/contracts';
import type { ConsentEntry } from '@candor/consent-evidence';
import { Outbox } from '@candor/messaging';
import { ConsentForm } from '../forms/consent-form.entity';
import { ConsentForms } from '../forms/consent-forms.service';
import { ConsentLog, type EntryDraft } from '../ledger/consent-log';
import { LedgerError } from '../ledger-error';

/** A decision to record; the form is resolved here (its version and text hash go into the entry). */
export type ConsentDecision = Omit<EntryDraft, 'formVersion' | 'formTextHash'> & {
  /** A specific version, or the form's current one. */
  formVersion?: number | null;
  /** The text hash the caller showed, when it knows it: it must match the version's. */
  formTextHash?: string | null;
  /** The form's locale, to take its current version in that language when no version is given. */
  formLocale?: string | null;
};

export interface RecordOptions {
  /**
   * For decisions already made elsewhere (in the chat): never refuse one over its form. When the form
   * cannot be confirmed, the entry keeps the form id and the text hash the bot says it showed, and no
   * version: a visitor's decline or withdrawal must not be lost over a stale copy of a form.
   */
  lenientForms?: boolean;
}

/**
 * Records consent decisions: appends them to the tenant's log and announces each one, in the
 * caller's transaction. An unknown form or a text that does not match its version is refused, so an
 * entry always names exactly what was shown.
 */
@Injectable()
export class ConsentRecorder {
  constructor(
    private readonly log: ConsentLog,
    private readonly forms: ConsentForms,
    private readonly outbox: Outbox,
  ) {}

  /** Records all of the decisions or none (a batch, an event). */
  async record(
    manager: EntityManager,
    tenantId: string,
    decisions: readonly ConsentDecision[],
    options: RecordOptions = {},
  ): Promise<ConsentEntry[]> {
    // A batch usually names few forms: each is looked up once.
    const forms = new Map<string, Promise<ConsentForm | null>>();
    const drafts: EntryDraft[] = [];
    for (const decision of decisions) drafts.push(await this.prepare(manager, tenantId, decision, options, forms));
    return this.append(manager, tenantId, drafts);
  }

  /** The entry a decision becomes, its form resolved; refuses (4xx) an unknown form or a mismatched text. */
  async prepare(
    manager: EntityManager,
    tenantId: string,
    decision: ConsentDecision,
    options: RecordOptions = {},
    forms = new Map<string, Promise<ConsentForm | null>>(),
  ): Promise<EntryDraft> {
    const form = decision.formId ? await this.formFor(manager, tenantId, decision, options, forms) : null;
    const shownHash = options.lenientForms && !form ? (decision.formTextHash ?? null) : null;
    return toDraft(decision, form?.version ?? null, form?.textHash ?? shownHash);
  }

  /** Appends prepared entries and announces them, in the caller's transaction. */
  async append(manager: EntityManager, tenantId: string, drafts: readonly EntryDraft[]): Promise<ConsentEntry[]> {
    const entries = await this.log.append(manager, tenantId, drafts);
    await this.outbox.enqueueMany(
      manager,
      consentRecordedV1,
      entries.map((entry) => ({
        payload: {
          leafIndex: entry.leafIndex,
          purpose: entry.purpose,
          action: entry.action,
          formId: entry.formId,
          formVersion: entry.formVersion,
          recordedAt: entry.recordedAt,
        },
        metadata: { tenantId, subjectId: entry.subjectId },
      })),
    );
    return entries;
  }

  private async formFor(
    manager: EntityManager,
    tenantId: string,
    decision: ConsentDecision,
    options: RecordOptions,
    forms: Map<string, Promise<ConsentForm | null>>,
  ): Promise<ConsentForm | null> {
    const formId = decision.formId as string;
    const lookup = `${formId}:${decision.formVersion ?? ''}:${decision.formLocale ?? ''}`;
    if (!forms.has(lookup)) {
      forms.set(
        lookup,
        decision.formVersion
          ? manager.findOneBy(ConsentForm, { tenantId, formId, version: decision.formVersion })
          : this.forms.latest(manager, tenantId, formId, decision.formLocale ?? undefined),
      );
    }
    const form = (await forms.get(lookup)) ?? null;
    const problem = !form
      ? new LedgerError('unknown_form', `No published version of form ${formId} matches`)
      : form.purpose !== decision.purpose
        ? new LedgerError('purpose_mismatch', `Form ${formId} is for purpose ${form.purpose}`)
        : decision.formTextHash && decision.formTextHash !== form.textHash
          ? new LedgerError('text_mismatch', 'The text shown is not the text of that form version')
          : null;
    if (problem) {
      if (options.lenientForms) return null;
      throw problem;
    }
    return form;
  }
}

/** The entry a decision becomes, with the form version and text hash it was resolved to. */
export function toDraft(
  decision: ConsentDecision,
  formVersion: number | null,
  formTextHash: string | null,
): EntryDraft {
  return {
    subjectId: decision.subjectId,
    purpose: decision.purpose,
    action: decision.action,
    legalBasis: decision.legalBasis,
    formId: decision.formId,
    formVersion,
    formTextHash,
    channel: decision.channel,
    evidence: decision.evidence,
    jurisdiction: decision.jurisdiction,
    actor: decision.actor,
    recordedAt: decision.recordedAt,
  };
}
