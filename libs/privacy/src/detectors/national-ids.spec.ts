import { isValidGermanTaxId } from '../checksums';
import { categoriesIn } from '../guard';

describe('national identification numbers after their keyword, in any spacing', () => {
  it.each([
    'ssn: 078 05 1120',
    'my social security no is 078051120',
    'SS# 078.05.1120',
    'her NI no. is JT 48 21 07 B',
    'NINO jt482107b',
    'tax id number 912-34-5678',
    'Steuer-ID: 57 549 285 017',
    'meine steuerliche Identifikationsnummer lautet 575 492 850 17',
  ])('finds %s', (text) => {
    expect(categoriesIn(text)).toEqual(new Set(['ssn']));
  });

  it('finds a bare UK National Insurance number in its exact format, and a German tax id whose checks hold', () => {
    expect(categoriesIn('it is SK 30 71 49 A by the way')).toEqual(new Set(['ssn']));
    expect(categoriesIn('57549285017')).toEqual(new Set(['ssn']));
  });

  it.each([
    ['an order reference shaped like an NI number', 'order ref JT482107B'],
    ['an invoice of eleven digits', 'Rechnung 57549285017'],
    ['eleven digits whose check digit fails', '57549285018'],
    ['an invalid NI prefix', 'code DQ 48 21 07 B'],
    ['a model number', 'model JT48210'],
  ])('leaves %s alone', (_, text) => {
    expect(categoriesIn(text).has('ssn')).toBe(false);
  });

  it('checks German tax ids by ISO 7064 MOD 11,10 and their digit pattern', () => {
    expect(isValidGermanTaxId('57549285017')).toBe(true);
    expect(isValidGermanTaxId('57549285018')).toBe(false);
    // Check digit fine but no digit repeated: not a tax id.
    expect(isValidGermanTaxId('01234567890')).toBe(false);
  });
});

describe('figurative health words in banter', () => {
  it.each([
    'this queue is gonna give me a stroke lol',
    'je vais mourir de rire 😂',
    'me muero de hambre jajaja',
    'wenn das so weitergeht, werde ich noch krank haha',
  ])('leaves %s alone', (text) => {
    expect(categoriesIn(text).has('health')).toBe(false);
  });

  it.each([
    'I had a stroke last spring lol, the doctor says I recovered well',
    'ich bin krank, habe Fieber',
    'tengo diabetes jaja pero estoy bien con la insulina del médico',
  ])('still finds health information when the sentence is clinical or not a joke: %s', (text) => {
    expect(categoriesIn(text).has('health')).toBe(true);
  });
});
