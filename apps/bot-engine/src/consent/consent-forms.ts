import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ConsentFormPublishedV1 } from '@candor/contracts';
import type { ShownForm } from '../playbooks/model';
import { ConsentFormCopy } from './consent-form-copy.entity';

/** formId → the form's current version per locale. */
export type ConsentFormTexts = ReadonlyMap<string, ReadonlyMap<string, ShownForm>>;

/** The bot's copies of the tenant's consent forms (`consent_forms`): the current version per form and locale. */
@Injectable()
export class ConsentForms {
  /** Keeps a published version, unless a newer one is already kept (versions may arrive out of order on a replay). */
  async keepNewest(manager: EntityManager, tenantId: string, form: ConsentFormPublishedV1): Promise<void> {
    await manager.query(
      `INSERT INTO "bot_engine"."consent_forms"
         ("tenant_id", "form_id", "locale", "version", "purpose", "text", "text_hash")
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ("tenant_id", "form_id", "locale") DO UPDATE
         SET "version" = EXCLUDED."version", "purpose" = EXCLUDED."purpose",
             "text" = EXCLUDED."text", "text_hash" = EXCLUDED."text_hash"
         WHERE "consent_forms"."version" < EXCLUDED."version"`,
      [tenantId, form.formId, form.locale, form.version, form.purpose, form.text, form.textHash],
    );
  }

  async of(manager: EntityManager, tenantId: string): Promise<ConsentFormTexts> {
    const copies = await manager.findBy(ConsentFormCopy, { tenantId });
    const forms = new Map<string, Map<string, ShownForm>>();
    for (const copy of copies) {
      const locales = forms.get(copy.formId) ?? new Map<string, ShownForm>();
      locales.set(copy.locale, { text: copy.text, version: copy.version, textHash: copy.textHash });
      forms.set(copy.formId, locales);
    }
    return forms;
  }
}

/** The form in the visitor's language, else English, else any: the legal text is shown rather than none. */
export function formInLanguage(forms: ConsentFormTexts, formId: string, language: string): ShownForm | null {
  const locales = forms.get(formId);
  if (!locales) return null;
  const exact = [...locales.entries()].find(([locale]) => locale.slice(0, 2) === language);
  const english = [...locales.entries()].find(([locale]) => locale.slice(0, 2) === 'en');
  return (exact ?? english ?? [...locales.entries()][0])?.[1] ?? null;
}
