import { categoriesIn } from './guard';

const hasHealth = (text: string) => categoriesIn(text).has('health');

/** Everyday ways of saying it, about oneself or one's family, and the figures of speech that sound alike. */
describe('informal health disclosures', () => {
  it.each([
    "I've got the flu",
    "I'm running a fever since yesterday",
    'my son has chickenpox',
    "I'm on antidepressants",
    'after my knee surgery I cannot drive',
    'my blood sugar is high today',
    'I tested positive yesterday, can I still come?',
    "I'm in chemo right now",
    'my therapist said I should take a break',
    'my HbA1c is 7.2',
    'my grandma is in the ICU',
    "I'm 20 weeks along",
    'my son is on the spectrum',
    'ich bin krankgeschrieben',
    'meine Tochter hat Windpocken',
    'ich nehme Blutdrucktabletten',
    'Ich bin positiv getestet worden',
    'mein Blutzucker ist zu hoch',
    'Mein Kind hat Läuse',
    "j'ai la grippe",
    'je suis sous antidépresseurs',
    'mon fils a de la fièvre',
    'je suis testé positif',
    'ma glycémie est à 2 g ce matin',
    'tengo gripe',
    'estoy embarazada',
    'me operaron de la rodilla',
    'estoy de baja por depresión',
    'di positivo en covid',
    'tengo el azúcar alto',
  ])('finds health information in %j', (text) => {
    expect(hasHealth(text)).toBe(true);
  });

  it.each([
    "I'm sick of waiting",
    'this bug is a headache',
    'the killer feature is the calendar',
    'our virus scanner flagged it',
    'The feedback came back positive',
    "I'm expecting your call",
    'our team is depressed about the numbers',
    'the market is in a depression',
    'I ran a diagnostic on the router',
    'we had a fever pitch of orders',
    'Ich bin krank vor Sorge um meine Bestellung.',
    'ce bug me donne mal à la tête',
    'me duele que no contesten',
    'me di de baja por error de la newsletter',
    '¿El azúcar moreno tiene gluten?',
  ])('finds nothing in %j', (text) => {
    expect([...categoriesIn(text)]).toEqual([]);
  });
});
