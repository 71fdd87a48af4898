import type { PhrasesByLanguage, Playbook } from './playbook.types';

/** Intents a playbook defines (for the engine's matcher); copies, so the matcher cannot alter the playbook. */
export function playbookIntents(playbook: Playbook): { name: string; phrases: PhrasesByLanguage }[] {
  return (playbook.intents ?? []).map((intent) => ({
    name: intent.name,
    phrases: Object.fromEntries(Object.entries(intent.phrases).map(([language, phrases]) => [language, [...phrases]])),
  }));
}
