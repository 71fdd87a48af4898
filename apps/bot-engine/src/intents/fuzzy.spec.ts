import { FuzzyIndex, allowedEdits, boundedDistance } from './fuzzy';

describe('boundedDistance', () => {
  it('counts insertions, deletions, substitutions and transpositions as one edit each', () => {
    expect(boundedDistance('data', 'data', 2)).toBe(0);
    expect(boundedDistance('dta', 'data', 2)).toBe(1);
    expect(boundedDistance('delet', 'delete', 2)).toBe(1);
    expect(boundedDistance('humen', 'human', 2)).toBe(1);
    expect(boundedDistance('abmleden', 'abmelden', 2)).toBe(1);
  });

  it('stops at the bound', () => {
    expect(boundedDistance('privacy', 'pricing', 1)).toBe(2);
    expect(boundedDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('FuzzyIndex', () => {
  const index = new FuzzyIndex(['data', 'delete', 'unsubscribe', 'menschen', 'human']);

  it('corrects a typo to the closest known word', () => {
    expect(index.correct('dta')).toEqual({ word: 'data', distance: 1 });
    expect(index.correct('unsubscibe')).toEqual({ word: 'unsubscribe', distance: 1 });
    expect(index.correct('menchen')).toEqual({ word: 'menschen', distance: 1 });
  });

  it('leaves short and distant words alone', () => {
    expect(allowedEdits(2, 3)).toBe(0);
    expect(index.correct('da')).toBeNull();
    expect(index.correct('dotted')).toBeNull();
    expect(index.correct('humour')).toBeNull();
  });
});

describe('FuzzyIndex on hostile words', () => {
  const index = new FuzzyIndex(['data', 'delete', 'unsubscribe']);

  it('does not try to correct a word longer than any known word by more than two letters', () => {
    // Two deletions of a 4,000-letter word are 8 million strings of 4,000 letters: the heap, not an answer.
    const word = Array.from({ length: 4_000 }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join('');
    expect(index.correct(word)).toBeNull();
    expect(index.correct('unsubscribexx')).toEqual({ word: 'unsubscribe', distance: 2 });
    expect(index.correct('unsubscribexxx')).toBeNull();
  });
});
