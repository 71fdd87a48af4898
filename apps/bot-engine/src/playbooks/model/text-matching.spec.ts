import { localise, translations } from './localise';
import { normaliseForMatch, typedConsentAnswer } from './text-matching';

describe('text matching', () => {
  it('ignores case, accents, punctuation and extra spaces', () => {
    expect(normaliseForMatch('  Réservation — démo! ')).toBe('reservation demo');
    expect(normaliseForMatch('D’accord')).toBe(normaliseForMatch("d'accord"));
  });

  it('reads whole yes/no answers only', () => {
    expect(typedConsentAnswer('Ja!')).toBe(true);
    expect(typedConsentAnswer('si')).toBe(true);
    expect(typedConsentAnswer('Nein, danke')).toBe(false);
    expect(typedConsentAnswer('no, yes')).toBeNull();
    expect(typedConsentAnswer('not sure')).toBeNull();
    expect(typedConsentAnswer('')).toBeNull();
  });
});

describe('localise', () => {
  it('prefers the visitor language, then the default language, then any translation', () => {
    expect(localise({ en: 'Hi', de: 'Hallo' }, 'de', 'en')).toBe('Hallo');
    expect(localise({ en: 'Hi', de: 'Hallo' }, 'fr', 'en')).toBe('Hi');
    expect(localise({ es: 'Hola' }, 'fr', 'en')).toBe('Hola');
    expect(localise('Plain', 'fr', 'en')).toBe('Plain');
    expect(translations({ en: 'Hi', de: 'Hallo' })).toEqual(['Hi', 'Hallo']);
  });
});
