import { DEFAULT_PERSONA_NAME, echo, greeting } from './greeter';

describe('greeter', () => {
  it('says it is automated in the greeting', () => {
    expect(greeting(DEFAULT_PERSONA_NAME)).toMatch(/automated assistant, not a person/);
  });

  it('quotes short messages whole and long ones cut, so the reply fits its 4,000-character contract', () => {
    expect(echo('hello')).toContain('"hello"');
    const long = '\u{1F600}'.repeat(4_000);
    const reply = echo(long);
    expect(Array.from(reply).length).toBeLessThan(700);
    expect(reply).toContain('…');
  });
});
