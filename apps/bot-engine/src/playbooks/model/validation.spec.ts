import { documentWith, errorsOf, validOrFail } from './fixtures/test-playbooks';

const end = { kind: 'end' };

describe('playbook validation', () => {
  it('reports schema violations with readable messages and pointers into the offending node', () => {
    const errors = errorsOf(
      documentWith({
        start_here: { kind: 'message', text: 'Hi', next: 'done', colour: 'red' },
        ask: {
          kind: 'question',
          text: 'Pick',
          options: [{ id: 'Bad Id', label: 'This label is far longer than forty characters', next: 'done' }],
        },
        meet: { kind: 'meeting', text: 'Book', url: 'http://cal.example/x' },
        route: {
          kind: 'branch',
          rules: [
            { when: {}, next: 'done' },
            { when: { attribute: 'pageUrl' }, next: 'done' },
          ],
          otherwise: 'done',
        },
        odd: { kind: 'dance' },
        done: end,
        Upper: end,
      }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        {
          path: '/nodes/start_here/colour',
          nodeId: 'start_here',
          code: 'unknown_property',
          message: 'unknown property "colour"',
        },
        expect.objectContaining({ path: '/nodes/ask/options/0/id', nodeId: 'ask', code: 'invalid_id' }),
        {
          path: '/nodes/ask/options/0/label',
          nodeId: 'ask',
          code: 'too_long',
          message: 'must be at most 40 characters',
        },
        { path: '/nodes/meet/url', nodeId: 'meet', code: 'invalid_url', message: 'must be an https URL' },
        {
          path: '/nodes/route/rules/0/when',
          nodeId: 'route',
          code: 'exactly_one_of',
          message: 'must have exactly one of: intent, answer, attribute, businessHours, all, any, not',
        },
        {
          path: '/nodes/route/rules/1/when',
          nodeId: 'route',
          code: 'exactly_one_of',
          message: 'must have exactly one of: in, startsWith, contains',
        },
        expect.objectContaining({ path: '/nodes/odd/kind', nodeId: 'odd', code: 'invalid_value' }),
        expect.objectContaining({ path: '/nodes/Upper', nodeId: 'Upper', code: 'invalid_id' }),
      ]),
    );
  });

  it('reports missing properties at their own path', () => {
    const errors = errorsOf({
      schemaVersion: 1,
      name: 'x',
      defaultLanguage: 'en',
      nodes: { a: { kind: 'collect', text: 'Email?' } },
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: '/start', nodeId: null, code: 'missing_property', message: 'is required' },
        { path: '/nodes/a/field', nodeId: 'a', code: 'missing_property', message: 'is required' },
        { path: '/nodes/a/next', nodeId: 'a', code: 'missing_property', message: 'is required' },
      ]),
    );
  });

  it('rejects a start node that does not exist', () => {
    const errors = errorsOf({ ...documentWith({ a: end }), start: 'nowhere' });
    expect(errors).toEqual([
      { path: '/start', nodeId: null, code: 'unknown_start', message: 'start node "nowhere" does not exist' },
    ]);
  });

  it('rejects edges to missing nodes, at the edge property', () => {
    const errors = errorsOf(
      documentWith({
        ask: {
          kind: 'question',
          text: 'Pick',
          options: [
            { id: 'one', label: 'One', next: 'done' },
            { id: 'two', label: 'Two', next: 'missing' },
          ],
        },
        done: end,
      }),
    );
    expect(errors).toEqual([
      {
        path: '/nodes/ask/options/1/next',
        nodeId: 'ask',
        code: 'dangling_edge',
        message: 'points at node "missing", which does not exist',
      },
    ]);
  });

  it('rejects nodes that cannot be reached from start', () => {
    const errors = errorsOf(documentWith({ a: end, orphan: end }));
    expect(errors).toEqual([
      {
        path: '/nodes/orphan',
        nodeId: 'orphan',
        code: 'unreachable_node',
        message: 'node "orphan" cannot be reached from start node "a"',
      },
    ]);
  });

  it('rejects loops without an exit, once per trapped node, naming the loop', () => {
    const question = (next: string) => ({
      kind: 'question',
      text: 'Again?',
      options: [{ id: 'yes', label: 'Yes', next }],
    });
    const errors = errorsOf(documentWith({ first: question('second'), second: question('first') }));
    expect(errors.map(({ code, path, nodeId }) => ({ code, path, nodeId }))).toEqual([
      { code: 'no_exit', path: '/nodes/first', nodeId: 'first' },
      { code: 'no_exit', path: '/nodes/second', nodeId: 'second' },
    ]);
    expect(errors[0].message).toContain('first → second');
  });

  it('accepts a loop that waits for the visitor and has a way out', () => {
    validOrFail(
      documentWith({
        ask: {
          kind: 'question',
          text: 'Again?',
          options: [
            { id: 'again', label: 'Again', next: 'say' },
            { id: 'stop', label: 'Stop', next: 'done' },
          ],
        },
        say: { kind: 'message', text: 'Here we go', next: 'ask' },
        done: end,
      }),
    );
  });

  it('rejects loops made only of nodes that do not wait for input', () => {
    const errors = errorsOf(
      documentWith(
        {
          hello: { kind: 'message', text: 'Hello', next: 'route' },
          route: { kind: 'branch', rules: [{ when: { businessHours: true }, next: 'done' }], otherwise: 'hello' },
          done: end,
        },
        { businessHours: { timezone: 'UTC', weekly: {} } },
      ),
    );
    expect(errors).toEqual([
      expect.objectContaining({ code: 'loop_without_input', path: '/nodes/hello', nodeId: 'hello' }),
    ]);
    expect(errors[0].message).toContain('hello → route → hello');
  });

  it('rejects answer conditions on non-question nodes or unknown options', () => {
    const errors = errorsOf(
      documentWith({
        ask: { kind: 'question', text: 'Pick', options: [{ id: 'one', label: 'One', next: 'route' }] },
        route: {
          kind: 'branch',
          rules: [
            { when: { answer: { node: 'ask', equals: 'two' } }, next: 'done' },
            { when: { not: { answer: { node: 'done', equals: 'one' } } }, next: 'done' },
          ],
          otherwise: 'done',
        },
        done: end,
      }),
    );
    expect(errors).toEqual([
      {
        path: '/nodes/route/rules/0/when/answer/equals',
        nodeId: 'route',
        code: 'unknown_answer_ref',
        message: 'question "ask" has no option "two"',
      },
      {
        path: '/nodes/route/rules/1/when/not/answer/node',
        nodeId: 'route',
        code: 'unknown_answer_ref',
        message: '"done" is not a question node',
      },
    ]);
  });

  it('rejects intents that are not defined and business-hours conditions without business hours', () => {
    const errors = errorsOf(
      documentWith({
        route: {
          kind: 'branch',
          rules: [{ when: { any: [{ intent: 'pricing' }, { businessHours: false }] }, next: 'done' }],
          otherwise: 'done',
        },
        done: end,
      }),
    );
    expect(errors).toEqual([
      {
        path: '/nodes/route/rules/0/when/any/0/intent',
        nodeId: 'route',
        code: 'unknown_intent',
        message: 'intent "pricing" is not defined in intents',
      },
      {
        path: '/nodes/route/rules/0/when/any/1/businessHours',
        nodeId: 'route',
        code: 'missing_business_hours',
        message: 'the playbook defines no businessHours to test',
      },
    ]);
  });

  it('rejects unknown time zones', () => {
    const errors = errorsOf(documentWith({ done: end }, { businessHours: { timezone: 'Mars/Olympus', weekly: {} } }));
    expect(errors).toEqual([
      {
        path: '/businessHours/timezone',
        nodeId: null,
        code: 'invalid_timezone',
        message: 'must be an IANA time zone such as Europe/Berlin',
      },
    ]);
  });

  it('rejects malformed times and intervals that end before they start', () => {
    const malformed = errorsOf(
      documentWith({ done: end }, { businessHours: { timezone: 'UTC', weekly: { tue: [['9:00', '25:00']] } } }),
    );
    expect(malformed.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'invalid_hours', path: '/businessHours/weekly/tue/0/0' },
      { code: 'invalid_hours', path: '/businessHours/weekly/tue/0/1' },
    ]);
    const reversed = errorsOf(
      documentWith(
        { done: end },
        { businessHours: { timezone: 'Europe/Berlin', weekly: { mon: [['17:00', '09:00']] } } },
      ),
    );
    expect(reversed).toEqual([
      {
        path: '/businessHours/weekly/mon/0',
        nodeId: null,
        code: 'invalid_hours',
        message: 'must end after it starts (17:00–09:00); split intervals that cross midnight',
      },
    ]);
  });

  it('rejects duplicate option ids', () => {
    const errors = errorsOf(
      documentWith({
        ask: {
          kind: 'question',
          text: 'Pick',
          options: [
            { id: 'same', label: 'One', next: 'done' },
            { id: 'same', label: 'Two', next: 'done' },
          ],
        },
        done: end,
      }),
    );
    expect(errors).toEqual([
      {
        path: '/nodes/ask/options/1/id',
        nodeId: 'ask',
        code: 'duplicate_option',
        message: 'option id "same" is used more than once in this question',
      },
    ]);
  });

  it('requires every translated text to include the default language', () => {
    const errors = errorsOf(
      documentWith({
        ask: {
          kind: 'question',
          text: { de: 'Wählen' },
          options: [{ id: 'one', label: { en: 'One', de: 'Eins' }, next: 'done' }],
          retryText: { fr: 'Encore' },
        },
        done: { kind: 'end', text: { de: 'Tschüss' } },
      }),
    );
    expect(errors.map(({ code, path, nodeId }) => ({ code, path, nodeId }))).toEqual([
      { code: 'missing_default_text', path: '/nodes/ask/text', nodeId: 'ask' },
      { code: 'missing_default_text', path: '/nodes/ask/retryText', nodeId: 'ask' },
      { code: 'missing_default_text', path: '/nodes/done/text', nodeId: 'done' },
    ]);
  });

  it('collects every problem of a document, not only the first', () => {
    const errors = errorsOf(
      documentWith({
        ask: {
          kind: 'question',
          text: 'Pick',
          options: [
            { id: 'one', label: 'One', next: 'nowhere' },
            { id: 'one', label: 'Two', next: 'done' },
          ],
        },
        done: end,
        lost: end,
      }),
    );
    expect(errors.map((error) => error.code).sort()).toEqual(['dangling_edge', 'duplicate_option', 'unreachable_node']);
  });
});
