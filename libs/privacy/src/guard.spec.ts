import { SENSITIVE_CATEGORIES } from './categories';
import { categoriesIn, redact, scanMessage } from './guard';

describe('sensitive-data guard', () => {
  it.each([
    ['My card is 4111 1111 1111 1111', 'card'],
    ['IBAN: DE89 3704 0044 0532 0130 00', 'iban'],
    ['my SSN is 123-45-6789', 'ssn'],
    ['write to ada.lovelace@example.org', 'email'],
    ['call me on +44 20 7946 0958', 'phone'],
    ['ruf mich an: 030 1234 5678', 'phone'],
    ['I was born on 12/03/1985', 'dob'],
    ['Mein Geburtsdatum ist der 3. März 1970', 'dob'],
    ['je suis née le 4 juin 1990', 'dob'],
    ['nací el 5 de mayo de 1988, fecha de nacimiento 05/05/1988', 'dob'],
    ['my MRN is 00451239', 'mrn'],
    ['Patientennummer 88123456', 'mrn'],
    ['numéro de sécurité sociale 1 85 05 78 006 084', 'insurance'],
    ['my member ID is XJH 4481 2290', 'insurance'],
    ['I have type 2 diabetes', 'health'],
    ['ich bin schwanger', 'health'],
    ['je prends des antidépresseurs', 'health'],
    ['tengo ansiedad y tomo sertralina', 'health'],
    ['I live at 221B Baker Street', 'address'],
    ['Hauptstraße 5, 10115 Berlin', 'address'],
    ['12 rue de la Paix, Paris', 'address'],
    ['vivo en Calle Mayor 5', 'address'],
    ['my IP is 192.168.10.24', 'ip'],
    ['account number 40918273', 'account'],
    ["driver's license D1234567", 'license'],
    ['serial number PX-20391-K', 'device'],
  ])('finds %j as %s', (text, category) => {
    expect([...categoriesIn(text)]).toContain(category);
  });

  it.each([
    'My order 123-45-6789 has not arrived',
    'The total is €1,299.00 for 3 items',
    'Can I book an appointment on 12/03/2025?',
    'Reference 4111 1111 1111 1112 please',
    'Our pharmacy opens at 9, do you sell vitamin C?',
    'Version 2.4.1 was released in 2024',
    'Lieferung am 3. März, Bestellnummer 884512',
    'Livraison le 4 juin, commande 55812',
    'Entrega el 5 de mayo, pedido 99812',
  ])('finds nothing sensitive in %j', (text) => {
    expect([...categoriesIn(text)]).toEqual([]);
  });

  it('keeps the original categories first, in their order, and appends the new ones', () => {
    expect(SENSITIVE_CATEGORIES.slice(0, 11)).toEqual([
      'ssn',
      'card',
      'iban',
      'email',
      'phone',
      'dob',
      'mrn',
      'insurance',
      'health',
      'address',
      'ip',
    ]);
    expect(SENSITIVE_CATEGORIES.slice(11)).toEqual(['account', 'license', 'device']);
  });

  it('redacts every finding so that nothing of it remains', () => {
    const text = 'Born on 12/03/1985, card 4111 1111 1111 1111, I have asthma.';
    const redacted = redact(text, scanMessage(text));
    expect(redacted).toBe('Born on [dob removed], card [card removed], I have [health removed].');
  });
});
