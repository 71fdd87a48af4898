import { categoriesIn, scanMessage } from './guard';

/** Phone numbers, IP addresses and cards against the digit runs that look like them. */
describe('phone numbers, IP addresses and cards', () => {
  it.each([
    ['You can reach me at 1-800-555-0199 any time.', 'phone'],
    ['my number is 4155550132', 'phone'],
    ['text me on WhatsApp: 612345678', 'phone'],
    ['Handy: 01701234567', 'phone'],
    ['Rufnummer +49 (0) 30 1234567', 'phone'],
    ['Mon portable : 06.12.34.56.78', 'phone'],
    ['Llámame al 91 123 45 67', 'phone'],
    ['Contacto: 0034 612 345 678', 'phone'],
    ['Llámame al 699112233', 'phone'],
    ['my IP is 192.168.10.24', 'ip'],
    ['blocked IP 8.8.8.8?', 'ip'],
    ['Laut Log: 2001:db8::1f4', 'ip'],
    ['Visa 4034236671272 – die alte Karte', 'card'],
    ['Amex 3782 822463 10005', 'card'],
    ['4787789328792170', 'card'],
    ['La tarjeta 2252 8907 8666 6177 me la rechazan.', 'card'],
  ])('finds %j as %s', (text, category) => {
    expect([...categoriesIn(text)]).toEqual([category]);
  });

  it.each([
    // references, with and without a number word
    'My order number is 0012345678, where is it?',
    'Bestellnummer: 0123 456 789',
    'Rechnungsnummer 0401234567 ist doppelt abgebucht.',
    'n° de commande 0612345678, toujours pas livré',
    'Número de pedido 612 345 678',
    'Ticket #0123456789 is still open',
    'Auftragsnummer 0815 4711 0815',
    'le colis 0612 3456 7890 est bloqué',
    'Code promo 0612345678 ne marche pas',
    'My IBAN ends in 0532 0130 00',
    'Telefonrechnung Nr. 0401234567 ist falsch',
    // amounts, dates, quantities
    'El precio subió de 1.299.000 a 1.199.000 pesos',
    'It costs 0 800 000 € in total',
    'vom 01.02.2024 - 03.02.2024 gebucht',
    'It was 2024 1234 56 items',
    'We shipped 300 000 000 units',
    // versions, sections, outlines
    'I am on v1.2.3.4 of the app',
    'build 4.12.0.3 crashes on start',
    'Chrome 124.0.6367.91 shows a blank page',
    'Firefox 125.0.1.2 cannot load the chat',
    'see section 1.2.3.4 of the contract',
    'mise à jour 5.1.0.12 installée',
    'la versión 2.3.4.5 no funciona',
    'Preis 1.200.100,50 EUR',
    '2.4.1.3 Scope of services',
    'Windows update 10.0.2.5 broke the chat',
    // Luhn-valid numbers that are references
    'Order number 4111111111111111 still processing',
    'Tracking 4111 1111 1111 1111',
    'Numéro de commande 4787789328792170',
    'número de seguimiento 4787 7893 2879 2170',
    'ticket 1234567812345670',
    // insurance keyword, other number
    'Under the policy, order 5512093 should be refunded.',
    'My policy renews on 01/2025, can I change the plan?',
  ])('finds nothing in %j', (text) => {
    expect([...categoriesIn(text)]).toEqual([]);
  });

  it('marks the whole North American number, area code included', () => {
    const text = 'call (646) 555-0199 today';
    const [finding] = scanMessage(text);
    expect(text.slice(finding.start, finding.end)).toBe('646) 555-0199');
  });
});
