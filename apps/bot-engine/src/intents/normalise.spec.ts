import { clauses, normalise, tokenise } from './normalise';

describe('normalise', () => {
  it('lowercases and strips diacritics, typed or not', () => {
    expect(normalise('Löschen Sie meine DATEN, êtes-vous sûr? Olvídame, Straße')).toBe(
      'loschen sie meine daten, etes-vous sur? olvidame, strasse',
    );
  });

  it('keeps negation when splitting contractions', () => {
    expect(tokenise(normalise("I don't want it, can't you stop?"))).toEqual([
      'i',
      'do',
      'not',
      'want',
      'it',
      'can',
      'not',
      'you',
      'stop',
    ]);
  });

  it('splits sentences and words on punctuation, apostrophes and hyphens', () => {
    expect(clauses("Are you a bot? If so: m'envoyer — person-to-person!")).toEqual([
      ['are', 'you', 'a', 'bot'],
      ['if', 'so'],
      ['m', 'envoyer', 'person', 'to', 'person'],
    ]);
  });
});
