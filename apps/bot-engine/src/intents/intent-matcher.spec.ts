import { DEFAULT_INTENT_THRESHOLD, GLOBAL_INTENTS, GLOBAL_INTENT_NAMES, IntentMatcher } from '.';

const matcher = new IntentMatcher(GLOBAL_INTENTS);
const intentOf = (text: string) => matcher.match(text)?.intent ?? null;

describe('IntentMatcher with the global intents', () => {
  it('defines every global intent in all four languages', () => {
    expect(GLOBAL_INTENTS.map(({ name }) => name).sort()).toEqual([...GLOBAL_INTENT_NAMES].sort());
    for (const { phrases } of GLOBAL_INTENTS) expect(Object.keys(phrases).sort()).toEqual(['de', 'en', 'es', 'fr']);
  });

  it.each([
    ['agent please', 'human'],
    ['Hi, quick question — can I talk to a real person please?', 'human'],
    ['Ich möchte mit einem Menschen sprechen', 'human'],
    ['je veux parler à un conseiller', 'human'],
    ['quiero hablar con una persona', 'human'],
    ['are you a bot?', 'bot_check'],
    ['bist du ein Roboter?', 'bot_check'],
    ['êtes-vous un robot ?', 'bot_check'],
    ['¿hablo con una persona real?', 'bot_check'],
    ['delete my data', 'forget_me'],
    ['Löschen Sie meine Daten', 'forget_me'],
    ['oubliez-moi', 'forget_me'],
    ['olvídame', 'forget_me'],
    ['what do you do with my data?', 'privacy'],
    ['Datenschutz', 'privacy'],
    ['que faites-vous de mes données ?', 'privacy'],
    ['¿qué hacéis con mis datos?', 'privacy'],
    ['STOP', 'unsubscribe'],
    ['Bitte vom Newsletter abmelden', 'unsubscribe'],
    ['je veux me désabonner', 'unsubscribe'],
    ['no quiero recibir más mensajes', 'unsubscribe'],
  ])('recognises %j as %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it.each([
    ['delet my dta', 'forget_me'],
    ['unsubscibe', 'unsubscribe'],
    ['can i chat with a humen pls', 'human'],
    ['ich will mit einem menchen sprechen', 'human'],
    ['abmleden', 'unsubscribe'],
  ])('tolerates the typos in %j', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it.each([
    ['supprimez mes donnees', 'forget_me'],
    ['olvidame', 'forget_me'],
    ['Loeschen Sie meine Daten', 'forget_me'],
    ['que haceis con mis datos', 'privacy'],
    ['EtEs VoUs Un RoBoT', 'bot_check'],
  ])('ignores accents and case in %j', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it('scores a typo below the exact phrase', () => {
    expect(matcher.match('delete my data')?.confidence).toBe(1);
    expect(matcher.match('delet my dta')?.confidence).toBeLessThan(1);
  });

  it.each([
    "I'm a human resources manager looking for pricing",
    'our bot integration is broken',
    'delete the item from my cart',
    'stop by our store tomorrow',
    'the data sheet for model X',
    'do you have a person-to-person plan',
    'Datenblatt',
    'Ich kann mich nicht anmelden',
    'personne ne répond au téléphone',
    '¿cuántas personas caben?',
    'Order #48213 hasn’t arrived yet',
    'Never mind, forget it',
    'Vous avez un forfait par agent ?',
    'hello',
    '',
  ])('does not match the hard negative %j', (text) => {
    expect(matcher.match(text)).toBeNull();
  });

  describe('question about the bot against request for a human', () => {
    it.each([
      ['am I talking to a human?', 'bot_check'],
      ['I want to talk to a human', 'human'],
      ['is this a real person?', 'bot_check'],
      ['can I speak to a real person?', 'human'],
      ['Rede ich mit einem Menschen?', 'bot_check'],
      ['Ich will mit einem Menschen reden', 'human'],
      ['Est-ce que je parle à un humain ?', 'bot_check'],
      ['Est-ce que je peux parler à une vraie personne ?', 'human'],
      ['¿Estoy hablando con un humano?', 'bot_check'],
      ['¿Puedo hablar con un humano?', 'human'],
    ])('%j is %s', (text, intent) => {
      expect(intentOf(text)).toBe(intent);
    });

    it('prefers the request when a message holds both', () => {
      expect(intentOf('Are you a bot? If so I want a human.')).toBe('human');
    });
  });

  it('finds a request inside a long message but not a lone keyword in long unrelated text', () => {
    const preamble =
      "Hello, I've been going back and forth with this bot for ten minutes about my invoice and it keeps " +
      'sending me the same link. ';
    expect(intentOf(`${preamble}Can I please talk to a real person?`)).toBe('human');
    expect(
      intentOf(
        'We ordered the enterprise plan last month and our marketing team has been using the widget on three ' +
          "sites. Everything works, but the reports page is slow and I can't find where to stop the weekly export.",
      ),
    ).toBeNull();
    expect(intentOf(`${'Tell me about your shipping options to Ireland and Portugal. '.repeat(60)}`)).toBeNull();
  });

  it('answers with a confidence in [0, 1] and the language of the message', () => {
    const match = matcher.match('Ich möchte mit einem Menschen sprechen');
    expect(match).toEqual({ intent: 'human', confidence: expect.any(Number), language: 'de' });
    expect(match?.confidence).toBeGreaterThanOrEqual(DEFAULT_INTENT_THRESHOLD);
    expect(match?.confidence).toBeLessThanOrEqual(1);
    expect(matcher.match('quiero darme de baja')?.language).toBe('es');
  });
});

describe('IntentMatcher threshold', () => {
  it('defaults to 0.75', () => {
    expect(DEFAULT_INTENT_THRESHOLD).toBe(0.75);
  });

  it('answers only above the threshold it is given', () => {
    expect(new IntentMatcher(GLOBAL_INTENTS, { threshold: 0.95 }).match('delet my dta')).toBeNull();
    expect(new IntentMatcher(GLOBAL_INTENTS, { threshold: 0.95 }).match('delete my data')?.intent).toBe('forget_me');
    const lenient = new IntentMatcher(GLOBAL_INTENTS, { threshold: 0.5 }).match('delete the item from my cart');
    expect(lenient?.intent).toBe('forget_me');
    expect(lenient?.confidence).toBeLessThan(DEFAULT_INTENT_THRESHOLD);
  });
});

describe('IntentMatcher with tenant-defined intents', () => {
  const tenant = new IntentMatcher([
    {
      name: 'pricing',
      phrases: {
        en: ['how much does it cost', 'pricing'],
        de: ['was kostet das'],
        fr: ['combien ça coûte'],
        es: ['cuánto cuesta'],
      },
    },
    { name: 'refund', phrases: { en: ['I want a refund'], de: ['ich möchte mein Geld zurück'] } },
    ...GLOBAL_INTENTS,
  ]);

  it.each([
    ['How much dose it cost?', 'pricing', 'en'],
    ['was kostet das denn', 'pricing', 'de'],
    ['combien ca coute', 'pricing', 'fr'],
    ['i want a refund', 'refund', 'en'],
    ['Ich möchte bitte mein Geld zurück', 'refund', 'de'],
    ['talk to a human', 'human', 'en'],
  ])('matches %j as %s', (text, intent, language) => {
    expect(tenant.match(text)).toMatchObject({ intent, language });
  });

  it('does not stretch a tenant phrase to unrelated text', () => {
    expect(tenant.match('the cost of living is high')).toBeNull();
    expect(tenant.match('refund')).toBeNull();
  });

  it('matches nothing without definitions', () => {
    expect(new IntentMatcher([]).match('talk to a human')).toBeNull();
  });
});
