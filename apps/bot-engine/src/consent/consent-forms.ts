import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ShownForm } from '../playbooks/model';
import { ConsentFormCopy } from './consent-form-copy.entity';

/** formId → the form's current version per locale. */
export type ConsentFormTexts = ReadonlyMap<string, ReadonlyMap<string, ShownForm>>;

@Injectable()
export class ConsentForms {
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
