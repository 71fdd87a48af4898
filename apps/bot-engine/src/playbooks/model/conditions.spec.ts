import { evaluateCondition, type ConditionScope } from './conditions';

const scope = (overrides: Partial<ConditionScope> = {}): ConditionScope => ({
  attributes: { jurisdiction: 'AT', language: 'de', pageUrl: 'https://acme.example/Pricing?plan=pro' },
  intent: null,
  answers: { ask: 'sales' },
  businessHours: undefined,
  now: new Date('2025-01-06T10:00:00Z'),
  ...overrides,
});

describe('branch conditions', () => {
  it('tests attributes without case and without regular expressions', () => {
    expect(evaluateCondition({ attribute: 'jurisdiction', in: ['at'] }, scope())).toBe(true);
    expect(evaluateCondition({ attribute: 'jurisdiction', in: ['EU'] }, scope())).toBe(true);
    expect(
      evaluateCondition(
        { attribute: 'jurisdiction', in: ['EU'] },
        scope({ attributes: { jurisdiction: 'CH', language: 'de', pageUrl: null } }),
      ),
    ).toBe(false);
    expect(evaluateCondition({ attribute: 'language', in: ['fr', 'es'] }, scope())).toBe(false);
    expect(evaluateCondition({ attribute: 'pageUrl', startsWith: 'https://acme.example/pricing' }, scope())).toBe(true);
    expect(evaluateCondition({ attribute: 'pageUrl', contains: '.*' }, scope())).toBe(false);
  });

  it('never matches an attribute the engine does not know', () => {
    const unknown = scope({ attributes: { jurisdiction: null, language: 'en', pageUrl: null } });
    expect(evaluateCondition({ attribute: 'pageUrl', contains: 'a' }, unknown)).toBe(false);
    expect(evaluateCondition({ not: { attribute: 'jurisdiction', in: ['EU'] } }, unknown)).toBe(true);
  });

  it('combines conditions with all, any and not', () => {
    expect(
      evaluateCondition(
        { all: [{ intent: 'pricing' }, { answer: { node: 'ask', equals: 'sales' } }] },
        scope({ intent: 'pricing' }),
      ),
    ).toBe(true);
    expect(
      evaluateCondition({ all: [{ intent: 'pricing' }, { answer: { node: 'ask', equals: 'sales' } }] }, scope()),
    ).toBe(false);
    expect(
      evaluateCondition({ any: [{ intent: 'pricing' }, { answer: { node: 'ask', equals: 'sales' } }] }, scope()),
    ).toBe(true);
    expect(evaluateCondition({ not: { answer: { node: 'other', equals: 'sales' } } }, scope())).toBe(true);
  });

  it('holds businessHours: false outside the opening hours', () => {
    const hours = { timezone: 'UTC', weekly: { mon: [['09:00', '11:00']] as [string, string][] } };
    expect(evaluateCondition({ businessHours: true }, scope({ businessHours: hours }))).toBe(true);
    expect(
      evaluateCondition(
        { businessHours: false },
        scope({ businessHours: hours, now: new Date('2025-01-06T11:00:00Z') }),
      ),
    ).toBe(true);
  });
});
