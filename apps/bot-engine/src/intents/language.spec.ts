import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it.each([
    ['Can I talk to a real person please?', 'en'],
    ['Ich möchte mit einem Menschen sprechen', 'de'],
    ['je veux parler à un conseiller', 'fr'],
    ['quiero hablar con una persona', 'es'],
    ['¿eres un bot?', 'es'],
    ['supprimez mes donnees', 'fr'],
    ['Datenschutz', 'de'],
  ])('reads %j as %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('does not guess when nothing tells the languages apart', () => {
    expect(detectLanguage('stop')).toBeNull();
    expect(detectLanguage('48213')).toBeNull();
    expect(detectLanguage('')).toBeNull();
  });
});
