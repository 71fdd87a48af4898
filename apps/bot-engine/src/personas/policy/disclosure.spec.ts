import { checkDisclosure } from './disclosure';

const codes = (disclosure: unknown): string[] =>
  checkDisclosure(disclosure).map((violation) => `${violation.field}:${violation.code}`);

describe('disclosure', () => {
  it.each([
    ['en', "Hi! I'm Acme's bot, an automated assistant."],
    ['en', 'You are chatting with an AI. A person from our team can take over at any time.'],
    ['en', "I'm a virtual assistant, not a real person; ask for a live agent anytime."],
    ['de', 'Hallo! Ich bin ein Bot und beantworte Ihre Fragen automatisiert.'],
    ['de', 'Ich bin ein virtueller Assistent.'],
    ['de', 'Sie chatten mit einer KI.'],
    ['fr', 'Bonjour ! Je suis un assistant virtuel.'],
    ['fr', 'Réponses automatisées par notre bot.'],
    ['fr', 'Vous échangez avec une IA, pas une personne.'],
    ['es', '¡Hola! Soy un asistente virtual.'],
    ['es', 'Respuestas automatizadas por una IA.'],
    ['es', 'ESTE CHAT ES ATENDIDO POR UN BOT.'],
  ])('accepts the %s text %p', (language, text) => {
    expect(codes({ en: 'I am a bot.', [language]: text })).toEqual([]);
  });

  it.each([
    ['en', 'Hi! How can I help you today?'],
    ['en', "I'm your assistant."],
    ['de', 'Hallo! Wie kann ich helfen?'],
    ['de', 'Ich bin Ihre Assistentin.'],
    ['fr', 'Bonjour, je suis votre conseillère.'],
    ['es', 'Hola, soy tu asistente.'],
  ])('rejects the %s text %p as not explicit', (language, text) => {
    expect(codes({ en: 'I am a bot.', [language]: text })).toEqual([`disclosure.${language}:disclosure_not_explicit`]);
  });

  it('judges each language by its own words: "KI" is not an English disclosure', () => {
    expect(codes({ en: 'KI' })).toEqual(['disclosure.en:disclosure_not_explicit']);
  });

  it.each([
    ['en', "I'm a real person, not a bot."],
    ['en', 'I am not a bot.'],
    ['en', "Relax, you're talking to a human!"],
    ['de', 'Ich bin kein Bot, sondern ein echter Mensch.'],
    ['de', 'Ich bin eine echte Mitarbeiterin (kein Bot).'],
    ['fr', 'Je suis une vraie personne, pas un bot.'],
    ['fr', 'Je ne suis pas un robot.'],
    ['es', 'Soy una persona real, no un bot.'],
    ['es', 'No soy un bot.'],
  ])('rejects the %s text %p as claiming to be human', (language, text) => {
    expect(codes({ en: 'I am a bot.', [language]: text })).toContain(`disclosure.${language}:disclosure_claims_human`);
  });

  it('requires English and non-empty texts', () => {
    expect(codes({ de: 'Ich bin ein Bot.' })).toEqual(['disclosure.en:disclosure_missing']);
    expect(codes({ en: '   ' })).toEqual(['disclosure.en:disclosure_missing']);
    expect(codes({ en: 'I am a bot.', fr: '' })).toEqual(['disclosure.fr:disclosure_missing']);
    expect(codes({ en: 'I am a bot.', es: 7 })).toEqual(['disclosure.es:disclosure_missing']);
    expect(codes(null)).toEqual(['disclosure.en:disclosure_missing']);
    expect(codes('I am a bot')).toEqual(['disclosure.en:disclosure_missing']);
  });

  it('reports every language at once', () => {
    expect(codes({ en: 'Hello', de: 'Hallo', fr: 'Je suis un bot', es: '' })).toEqual([
      'disclosure.en:disclosure_not_explicit',
      'disclosure.de:disclosure_not_explicit',
      'disclosure.es:disclosure_missing',
    ]);
  });
});
