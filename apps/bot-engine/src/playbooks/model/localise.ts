import type { LocalisedText, PlaybookLanguage } from './playbook.types';

/** The text in the visitor's language, else the playbook's default language, else any translation. */
export function localise(text: LocalisedText, language: PlaybookLanguage, defaultLanguage: PlaybookLanguage): string {
  if (typeof text === 'string') return text;
  return text[language] ?? text[defaultLanguage] ?? Object.values(text).find((value) => value !== undefined) ?? '';
}

/** Every translation, for matching what a visitor typed in any language. */
export function translations(text: LocalisedText): string[] {
  return typeof text === 'string' ? [text] : Object.values(text).filter((value) => value !== undefined);
}
