import { categoriesIn, scanMessage } from './guard';

const hasHealth = (text: string) => categoriesIn(text).has('health');

describe('health information', () => {
  it.each([
    // suffixes and compounds nobody listed word for word
    'Ich habe seit drei Tagen Nackenschmerzen.',
    'Meine Tochter hat eine Mittelohrentzündung.',
    'Nach der Handgelenksbruch-Behandlung tut es noch weh.',
    'I have tendinitis in my shoulder.',
    'She had a cholecystectomy last year.',
    'J’ai une sinusite depuis une semaine.',
    'Tengo una lumbalgia horrible.',
    'He has peripheral neuropathy.',
    // medications by stem and by brand, doses
    'I take rosuvastatin every evening.',
    'Ich nehme Candesartan 8.',
    'Je prends du Doliprane.',
    'Tomo 20 mg de omeprazol.',
    'I take 2 tablets in the morning.',
    'Ich nehme 2x täglich eine Tablette.',
    // body part + pain, first-person disclosures
    'My lower back hurts when I sit.',
    'Mir tut der Rücken weh.',
    "J'ai mal au genou depuis ma chute.",
    'Me duele la cabeza desde ayer.',
    'My doctor said I should lose weight.',
    "Mon médecin m'a dit de me reposer.",
    'Mi médico me dijo que descanse.',
    'Bei mir wurde Bluthochdruck festgestellt.',
    'Je suis enceinte de 3 mois.',
    "I'm pregnant with twins.",
    'Estoy embarazada.',
    'My son is sick today.',
    // mental health, disability, allergy
    'I have been struggling with anxiety.',
    'Mi hijo tiene TDAH.',
    'I use a wheelchair.',
    'Ich bin allergisch gegen Nüsse.',
  ])('finds health information in %j', (text) => {
    expect(hasHealth(text)).toBe(true);
  });

  it.each([
    'This reconciliation is a real headache for our IT team.',
    'The biggest pain point is manual data entry.',
    "I'm sick of waiting for this delivery!",
    'My order is sick, thanks!',
    'That killer deal is gone already?',
    'Our virus scan flagged your attachment.',
    'Found a bug in the checkout page.',
    'Do you sell blood pressure monitors?',
    'Do you offer flu shots for companies?',
    'Does it have a lithium battery?',
    'Votre enceinte Bluetooth ne s’allume plus.',
    'Das hat am Ende den Ausschlag gegeben.',
    'Das bereitet uns Kopfschmerzen.',
    'Es un dolor de cabeza para el equipo.',
    'Disculpe el trastorno.',
    'It was pure nostalgia.',
    'Do you sell hearing aids?',
    'Can I take the train to your office?',
    'Der Server hat eine Störung.',
    'Unsere Kooperation läuft seit 2020.',
    'We work in the hospitality industry.',
    'I need 3 boxes of the 500ml size.',
  ])('finds nothing in %j', (text) => {
    expect([...categoriesIn(text)]).toEqual([]);
  });

  it('needs a personal word for a weak term', () => {
    expect(hasHealth('Do you have wheelchairs for visitors?')).toBe(false);
    expect(hasHealth('My wife needs a wheelchair for the visit.')).toBe(true);
  });

  it('recognises acronyms only in capitals', () => {
    expect(hasHealth('He has AIDS.')).toBe(true);
    expect(hasHealth('Do you sell visual aids for classrooms?')).toBe(false);
  });

  it('marks the health words, not the whole message', () => {
    const text = 'Hi, I have asthma. Can I book?';
    const [finding] = scanMessage(text);
    expect(text.slice(finding.start, finding.end)).toBe('asthma');
  });
});
