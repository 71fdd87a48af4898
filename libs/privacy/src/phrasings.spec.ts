import type { SensitiveCategory } from './categories';
import { categoriesIn } from './guard';
import { wordList } from './text';

const found = (text: string) => [...categoriesIn(text)].sort();

/** Ways of writing things that keyword lists miss: other date shapes, insurer names, lower-case IBANs, plain words for illness. */
describe('phrasings beyond the keyword lists', () => {
  const thisYear = new Date().getUTCFullYear();

  it.each<[string, SensitiveCategory]>([
    // dates of birth
    ['I was born on the 3rd of May 1985.', 'dob'],
    ['DOB 1979/11/23', 'dob'],
    ['my birthdate is 12-Mar-1985', 'dob'],
    ['bday 07/04/1990 for the loyalty card', 'dob'],
    ['geb 03.07.1988, bitte ändern', 'dob'],
    ['Ich bin am 3.Juli 1988 geboren.', 'dob'],
    ['née à Lyon le 5 mai 1980', 'dob'],
    ['DDN : 14/02/1975', 'dob'],
    ['Je suis né le 1er avril 1990.', 'dob'],
    ['fecha nac. 23/09/1981', 'dob'],
    ['nacido el 12-dic-1980', 'dob'],
    [`Jane Doe, 52 years old, 14/07/${thisYear - 52}`, 'dob'],
    [`Ich bin 38 Jahre alt (12.05.${thisYear - 39}).`, 'dob'],
    // record and insurance numbers
    ['My hospital record number is 7734102.', 'mrn'],
    ['Patient identification number: 00918273', 'mrn'],
    ['Meine Patientenakte hat die Nummer 55120934.', 'mrn'],
    ['Mi número de historial clínico es 8841203.', 'mrn'],
    ['My Aetna member ID is W281937465.', 'insurance'],
    ['The ID on my Blue Cross card is XJH448122901.', 'insurance'],
    ['Meine AOK-Nummer ist K447128390.', 'insurance'],
    ['Krankenkasse TK, Versichertennr. A123456789', 'insurance'],
    ['Mi tarjeta de Sanitas es 0012-4471-2290', 'insurance'],
    // addresses
    ['Please send it to 55 W 23rd St, Apt 4B.', 'address'],
    ['I live at 18 Willow Grove, Leeds.', 'address'],
    ['Ich wohne in der Berliner Straße 12.', 'address'],
    ["J'habite 12 cours Lafayette.", 'address'],
    ['Envoyez-le au 8 passage des Lilas.', 'address'],
    ['Vivo en la calle Alcalá número 45.', 'address'],
    ['Mándalo a Carrer de Mallorca 401.', 'address'],
    // IBANs typed in lower case
    ['refund to gb29 nwbk 6016 1331 9268 19 please', 'iban'],
    ['meine iban ist de44 5001 0517 5407 3249 31', 'iban'],
  ])('finds %j as %s', (text, category) => {
    expect(found(text)).toContain(category);
  });

  it.each([
    'My appointment is on 12/03/2027 at 9am.',
    'We opened on March 3, 1985 and are still going strong.',
    `We're 25 years old as a company, founded 12/03/${thisYear - 25}.`,
    `I'm 5 minutes late, notes from 12/03/${thisYear - 5} attached.`,
    `Il y a 40 ans, le 12/03/${thisYear - 40}, notre société était créée.`,
    'Pedido 55120934, factura 2026/0412.',
    'La historia de nuestra empresa empieza en 1985.',
    'Bestellnummer 4471209, Rechnung 2026-0412.',
    'We won 5 games in a row.',
    '12 cours de yoga par mois, quel tarif ?',
  ])('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('health information in everyday words', () => {
  it.each([
    "I've been feeling under the weather since Monday.",
    'My period is two weeks late.',
    'We are trying to conceive.',
    "I've got a pinched nerve in my neck.",
    'I burned my hand on the stove.',
    "My mental health hasn't been great lately.",
    'My dad is in hospice care now.',
    'My mum had her gallbladder removed last week.',
    "I'm hard of hearing, please email me.",
    'Our baby was born premature and is still in the NICU.',
    'Meine Periode ist ausgeblieben.',
    'Ich habe psychische Probleme.',
    'Meine Tochter hat eine Sehstörung.',
    'Ich hatte eine Hirnblutung.',
    'Mein Vater hat Borderline.',
    'Mein Mann liegt im Koma.',
    'Je ne me sens pas bien depuis hier.',
    "J'ai un retard de règles.",
    'Ma tension est à 16.',
    "J'ai attrapé froid.",
    'Je me suis brûlé la main.',
    'Je prends du Kardégic.',
    'No me encuentro bien desde ayer.',
    'No me ha bajado la regla.',
    'Estoy en tratamiento por ansiedad.',
    'Me he torcido el tobillo.',
    'Tomo Orfidal para dormir.',
    'Uso silla de ruedas.',
  ])('finds health information in %j', (text) => {
    expect(found(text)).toContain('health');
  });

  it.each([
    'How much is the COVID test for travel?',
    'Can I book a vaccination appointment for Tuesday?',
    "I'm in labor law, can your tool handle employment contracts?",
    'My notice period is three months.',
    'Your chatbot hallucinated a refund policy.',
    'I need disability insurance for my employees.',
    'Prix TTC : 49,90 € ou 59,90 € ?',
    "Il y a de la tension dans l'équipe.",
    'Ce sont mes règles, pas les vôtres.',
    'Le produit arrive en fin de vie.',
    'Il est prématuré de parler de remise.',
    "C'est hallucinant, votre service est top !",
    'Meine Regel ist: erst zahlen, dann liefern.',
    'Die Behandlung meiner Anfrage dauert zu lange.',
    'Wir haben viele Kundenbeschwerden wegen der Lieferung.',
    'La regla de oro es no pagar por adelantado.',
    'Es prematuro hablar de precios.',
    'Mi periodo de prueba termina en marzo.',
  ])('finds no health information in %j', (text) => {
    expect(found(text)).not.toContain('health');
  });
});

describe('wordList', () => {
  it('skips comment lines whole, commas included', () => {
    expect(wordList('a, b\n  # c, d\n  e')).toEqual(['a', 'b', 'e']);
  });
});
