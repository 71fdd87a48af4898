import { FIRST_NAME_COUNT, FIRST_NAMES_BY_LANGUAGE, isFirstName } from './first-names';
import { fold } from './normalize';

describe('first-name lexicon', () => {
  it('holds at least 600 distinct names, at least 200 per language area', () => {
    expect(FIRST_NAME_COUNT).toBeGreaterThanOrEqual(600);
    for (const names of Object.values(FIRST_NAMES_BY_LANGUAGE)) {
      expect(new Set(names.map(fold)).size).toBeGreaterThanOrEqual(200);
    }
  });

  it('matches on the folded form, so accents and case do not matter', () => {
    expect(isFirstName(fold('ÉMILIE'))).toBe(true);
    expect(isFirstName(fold('Jürgen'))).toBe(true);
    expect(isFirstName(fold('jose'))).toBe(true);
    expect(isFirstName(fold('Assistant'))).toBe(false);
  });
});
