import { DEFAULT_GUARD_ACTION, effectivePolicy } from './guard-policy';
import { WITHHELD_TEXT, guardMessage } from './sensitive-data-guard';

describe('guardMessage', () => {
  const diagnosis = 'I was diagnosed with type 2 diabetes and my date of birth is 14/03/1971';

  it('redacts health data and a birth date by default, keeping the rest of the message', () => {
    const guarded = guardMessage(diagnosis, DEFAULT_GUARD_ACTION, null);
    expect(guarded.verdict).toEqual({ outcome: 'redacted', categories: ['dob', 'health'] });
    expect(guarded.text).not.toMatch(/diabetes|1971/);
    expect(guarded.text).toMatch(/^I was /);
  });

  it('withholds the whole message when one category found is blocked', () => {
    const guarded = guardMessage(diagnosis, effectivePolicy({ health: 'block' }), null);
    expect(guarded).toEqual({ text: WITHHELD_TEXT, verdict: { outcome: 'blocked', categories: ['dob', 'health'] } });
  });

  it('removes an email or a phone number nobody asked for, by default', () => {
    expect(guardMessage('mail me at ana@example.org', DEFAULT_GUARD_ACTION, null)).toEqual({
      text: 'mail me at [email removed]',
      verdict: { outcome: 'redacted', categories: ['email'] },
    });
    expect(guardMessage('call me on +44 20 7946 0958', DEFAULT_GUARD_ACTION, null)).toEqual({
      text: 'call me on [phone removed]',
      verdict: { outcome: 'redacted', categories: ['phone'] },
    });
  });

  it('lets allowed categories through but still reports them', () => {
    const guarded = guardMessage('mail me at ana@example.org', effectivePolicy({ email: 'allow' }), null);
    expect(guarded).toEqual({
      text: 'mail me at ana@example.org',
      verdict: { outcome: 'allowed', categories: ['email'] },
    });
  });

  it('passes the identifier the bot asked for, by default, and nothing else', () => {
    expect(guardMessage('ana@example.org', DEFAULT_GUARD_ACTION, 'email').verdict.outcome).toBe('clean');
    expect(guardMessage('+44 20 7946 0958', DEFAULT_GUARD_ACTION, 'phone').verdict.outcome).toBe('clean');
    expect(guardMessage('ana@example.org', DEFAULT_GUARD_ACTION, 'phone').verdict.outcome).toBe('redacted');
    expect(guardMessage('ana@example.org +44 20 7946 0958', DEFAULT_GUARD_ACTION, 'email')).toEqual({
      text: 'ana@example.org [phone removed]',
      verdict: { outcome: 'redacted', categories: ['phone'] },
    });
  });

  it('leaves a message without sensitive data untouched', () => {
    expect(guardMessage('Do you open on Saturdays? Order 48213 is late.', DEFAULT_GUARD_ACTION, null)).toEqual({
      text: 'Do you open on Saturdays? Order 48213 is late.',
      verdict: { outcome: 'clean', categories: [] },
    });
  });
});
