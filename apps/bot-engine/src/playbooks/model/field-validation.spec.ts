import { normaliseField } from './field-validation';

describe('normaliseField', () => {
  it.each([
    [' Jane.Doe+news@Example.CO.uk ', 'Jane.Doe+news@example.co.uk'],
    ['a@b.de', 'a@b.de'],
    ['x@xn--mnchen-3ya.de', 'x@xn--mnchen-3ya.de'],
  ])('accepts the email %p as %p', (raw, value) => {
    expect(normaliseField('email', raw)).toBe(value);
  });

  it.each([
    'plain',
    'a@b',
    'a@@b.de',
    '.a@b.de',
    'a..b@c.de',
    'a@-b.de',
    'a b@c.de',
    'a@b.d3',
    `${'a'.repeat(65)}@b.de`,
  ])('rejects the email %p', (raw) => {
    expect(normaliseField('email', raw)).toBeNull();
  });

  it.each([
    ['+49 (171) 123-45.67', '+491711234567'],
    ['0171 1234567', '01711234567'],
    ['1234567', '1234567'],
    ['+123456789012345', '+123456789012345'],
  ])('accepts the phone number %p as %p', (raw, value) => {
    expect(normaliseField('phone', raw)).toBe(value);
  });

  it.each(['123456', '+1234567890123456', '0171 12345x', '49+171 1234567', '++49 171 1234567', 'call me'])(
    'rejects the phone number %p',
    (raw) => {
      expect(normaliseField('phone', raw)).toBeNull();
    },
  );

  it.each([
    ['  José   María ', 'José María'],
    ["Seán O'Brien-Núñez", "Seán O'Brien-Núñez"],
    ['Zoë', 'Zoë'],
  ])('accepts the name %p as %p', (raw, value) => {
    expect(normaliseField('name', raw)).toBe(value);
  });

  it.each(['', '   ', 'R2D2', 'me@example.com', "'-", 'x'.repeat(81)])('rejects the name %p', (raw) => {
    expect(normaliseField('name', raw)).toBeNull();
  });

  it('accepts trimmed free text of 1 to 1000 characters', () => {
    expect(normaliseField('text', '  I need a quote.  ')).toBe('I need a quote.');
    expect(normaliseField('text', '\u{1F600}'.repeat(1000))).toHaveLength(2000);
    expect(normaliseField('text', 'x'.repeat(1001))).toBeNull();
    expect(normaliseField('text', ' \n ')).toBeNull();
  });
});
