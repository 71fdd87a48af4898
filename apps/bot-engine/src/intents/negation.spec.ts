import { GLOBAL_INTENTS, IntentMatcher } from '.';

const matcher = new IntentMatcher(GLOBAL_INTENTS);
const intentOf = (text: string) => matcher.match(text)?.intent ?? null;

describe('IntentMatcher negation', () => {
  it.each([
    ['I need a person, not a bot', 'human'],
    ["I don't want to talk to a bot", 'human'],
    ['kein Bot bitte, einen Menschen', 'human'],
    ['pas un robot, un humain svp', 'human'],
    ['no quiero un bot, quiero una persona', 'human'],
    ['are you a bot or not?', 'bot_check'],
    ['¿eres un bot o no?', 'bot_check'],
    ["I don't want your emails anymore", 'unsubscribe'],
    ['ne me contactez plus', 'unsubscribe'],
    ['no me mandéis más correos', 'unsubscribe'],
    ['schickt mir keine Mails mehr', 'unsubscribe'],
  ])('reads %j as %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it.each([
    "don't delete my data",
    'please do not erase my information',
    "I don't want to unsubscribe",
    'Bitte meine Daten nicht löschen',
    'Löschen Sie meine Daten nicht',
    'ich will mich nicht abmelden',
    'ne supprimez pas mes données',
    'je ne veux pas me désabonner',
    'no borres mis datos',
    'no quiero darme de baja',
  ])('does not act on the negated request %j', (text) => {
    expect(intentOf(text)).toBeNull();
  });

  it('does not let a negation reach past a comma or "but"', () => {
    expect(intentOf('not now, delete my data')).toBe('forget_me');
    expect(intentOf("I don't mind the bot but I want a human")).toBe('human');
  });

  it('keeps a negated question about data as a privacy question', () => {
    expect(intentOf("I can't find your privacy policy")).toBe('privacy');
  });
});

describe('IntentMatcher phrasings beyond the phrase lists', () => {
  it.each([
    ['can you get a real human on here', 'human'],
    ['ich brauche einen echten Menschen', 'human'],
    ['¿me responde una persona real?', 'bot_check'],
    ['Chatte ich mit einer KI?', 'bot_check'],
    ['what happens to the data I type here', 'privacy'],
    ['is my data shared with third parties', 'privacy'],
    ['Werden meine Daten weitergegeben?', 'privacy'],
    ['Wo ist die Datenschutzerklärung', 'privacy'],
    ['mes données sont-elles revendues ?', 'privacy'],
    ['I want to opt out of your emails', 'unsubscribe'],
    ['quiero que me olvidéis', 'forget_me'],
    ['je veux être oublié', 'forget_me'],
  ])('recognises %j as %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it.each([
    'the privacy screen for the laptop, is it in stock?',
    'tell me about your human-centred design approach',
    'Der Bot in unserem Shop antwortet nicht',
    'el robot aspirador no funciona',
    'Wie lösche ich einen Artikel aus dem Warenkorb?',
  ])('still ignores the hard negative %j', (text) => {
    expect(intentOf(text)).toBeNull();
  });
});
