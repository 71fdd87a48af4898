import { categoriesIn, scanMessage } from './guard';

/** Account, licence, device, medical-record and insurance numbers: found with their keyword, not without. */
describe('keyword-introduced identifiers', () => {
  it.each([
    ['Please pay into account number 40918273.', 'account'],
    ['My checking account is 004417781290 at Chase', 'account'],
    ['Bitte auf mein Konto Nr. 1234567890 überweisen', 'account'],
    ['Kontonummer 0532013000, BLZ 37040044', 'account'],
    ['Mon numéro de compte est 00012345678', 'account'],
    ['Voici mon RIB : 30002 00550 0000157845Z 02', 'account'],
    ['Mi número de cuenta es 2100 0418 45 0200051332', 'account'],
    ["My driver's license number is D1234-56789-01234", 'license'],
    ['Passport no. 548123907', 'license'],
    ['Meine Führerscheinnummer ist B072RRE2I55', 'license'],
    ['Reisepass-Nr. C01X00T47', 'license'],
    ['Mon numéro de permis de conduire est 120675200345', 'license'],
    ['Passeport n° 18AB45678', 'license'],
    ['Mi número de carnet de conducir es 12345678Z', 'license'],
    ['DNI 48291736K', 'license'],
    ['The serial number of my insulin pump is PX-20391-K', 'device'],
    ['Die Seriennummer ist MM-780G-55129', 'device'],
    ['Le numéro de série de mon lecteur de glycémie est FS-2L-99812', 'device'],
    ['El número de serie de mi audífono es AU-55120-R', 'device'],
    ['IMEI 35-209900-176148-1', 'device'],
    ['my phone 490154203237518 was stolen', 'device'],
    ['MAC address 00:1A:2B:3C:4D:5E', 'device'],
    ['MAC-Adresse 3c-22-fb-9a-10-7e', 'device'],
    ['Chart number 8812093 for my mom', 'mrn'],
    ['IPP 40012877, je voudrais mon compte rendu', 'mrn'],
    ['Fallnummer 2024-118273', 'mrn'],
    ['NHC 4471208, necesito mi informe', 'mrn'],
    ['Subscriber ID 8812093311', 'insurance'],
    ['Sozialversicherungsnummer 12 150780 J 123', 'insurance'],
    ['Mi número de la Seguridad Social es 28 1234567840', 'insurance'],
    ['Mon NIR : 2 69 05 49 588 157 80', 'insurance'],
    ['2 69 05 49 588 157 80', 'insurance'],
  ])('finds %j as %s', (text, category) => {
    expect([...categoriesIn(text)]).toContain(category);
  });

  it.each([
    'Order number 55120938 still says processing.',
    'Customer account 88120034 - please change the billing email.',
    'Kundenkonto 88120034 – bitte E-Mail ändern.',
    'Mon compte client est bloqué depuis hier.',
    'Número de pedido 55120938, ¿dónde está?',
    'Is the account fee really 4.99 a month?',
    'Do you sell licences for 25 users or only 10?',
    'My software license number is 1234-5678-9012',
    'license for 12 users costs 1200 €',
    'Do I need a passport photo for the form?',
    'My passport expires on 12/05/2027.',
    'Is the model number XR-200 the same as the XR-200S?',
    'SKU 44812-BLK is out of stock again.',
    'Firmware 10.4.2 installiert, seitdem ist das WLAN weg.',
    'Our privacy policy was updated in 2024.',
    '2 69 05 49 588 157 81',
  ])('finds nothing in %j', (text) => {
    expect([...categoriesIn(text)]).toEqual([]);
  });

  it('marks the identifier, not its keyword', () => {
    const text = 'account number 40918273, thanks';
    const [finding] = scanMessage(text);
    expect(text.slice(finding.start, finding.end)).toBe('40918273');
  });

  it('leaves an IBAN to the IBAN detector', () => {
    expect([...categoriesIn('account number DE89 3704 0044 0532 0130 00')]).toEqual(['iban']);
  });
});
