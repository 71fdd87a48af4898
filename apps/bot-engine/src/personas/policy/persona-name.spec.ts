import { checkName } from './persona-name';

const codes = (name: unknown): string[] => checkName(name).map((violation) => violation.code);

describe('persona name', () => {
  it.each([
    'Candor Assistant',
    'HelpBot',
    'Acme Virtual Assistant',
    'Ava (virtual assistant)',
    'Emma, the Acme bot',
    'Acme Rose Bot',
    'SarahBot',
    'Max Support Bot',
    'Acmebot',
    'KI-Assistent Lena',
    'Assistant virtuel Camille',
    'Asistente virtual Lucía',
    'Julia (automatisiert)',
    'Support',
    'Acme Help Desk',
  ])('accepts %s: no first name, or one with an explicit automation marker', (name) => {
    expect(codes(name)).toEqual([]);
  });

  it.each([
    ['Sarah', 'human_first_name'],
    ['Émilie', 'human_first_name'],
    ['EMILIE', 'human_first_name'],
    ['Jürgen', 'human_first_name'],
    ['Lucía', 'human_first_name'],
    ['François', 'human_first_name'],
    ['Max Support', 'human_first_name'],
    ['Sarah from Acme', 'human_first_name'],
    ['Acme Rose', 'human_first_name'],
    ['Ask Emma', 'human_first_name'],
    ['Emma Assistant', 'human_first_name'],
    ['Jean-Pierre', 'human_first_name'],
  ])('rejects %s as %s', (name, code) => {
    expect(codes(name)).toEqual([code]);
  });

  it.each(['Jose Garcia', 'Max Müller', 'Sophie M.', 'Anna Maria Schmidt', 'Claire Dubois', 'Dr. Weber'])(
    'rejects "%s" as a full human name',
    (name) => {
      expect(codes(name)).toEqual(['human_full_name']);
    },
  );

  it.each(['Real Person', 'Live Agent', 'Acme Human Support', 'Echter Mensch', 'Vraie personne', 'Persona real'])(
    'rejects "%s" as claiming to be human, even without a first name',
    (name) => {
      expect(codes(name)).toContain('name_claims_human');
    },
  );

  it('flags a name that claims not to be a bot even though it says "bot"', () => {
    expect(codes('Not a bot')).toEqual(['name_claims_human']);
  });

  it.each<[unknown, string]>([
    ['', 'empty'],
    ['   ', 'blank'],
    ['A'.repeat(41), 'longer than 40'],
    ['Help\u0000Bot', 'a control character'],
    ['Sa\u200Brah', 'a zero-width space'],
    ['S\u0430rah Bot', 'a Cyrillic homoglyph'],
    ['!!!', 'no letters'],
    [42, 'not a string'],
  ])('rejects %p (%s) as name_invalid', (name) => {
    expect(codes(name)).toEqual(['name_invalid']);
  });

  it('accepts exactly 40 characters and points violations at the name field', () => {
    expect(codes('B'.repeat(40))).toEqual([]);
    expect(checkName('Sarah')[0]).toMatchObject({ field: 'name', message: expect.stringContaining('sarah') });
  });
});
