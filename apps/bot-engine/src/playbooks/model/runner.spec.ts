import { documentWith, fixtureSource, validOrFail, visitor } from './fixtures/test-playbooks';
import { parsePlaybook } from './parse-playbook';
import type { Playbook } from './playbook.types';
import { advancePlaybook, isWaiting, startPlaybook } from './runner';
import type { RunState, Step, VisitorContext, VisitorInput } from './runner.types';

function leadCapture(): Playbook {
  const result = parsePlaybook(fixtureSource('yaml'), 'yaml');
  if (!result.ok) throw new Error('fixture is invalid');
  return result.playbook;
}

const typed = (text: string, intent: string | null = null): VisitorInput => ({ kind: 'text', text, intent });
const tapped = (optionId: string): VisitorInput => ({ kind: 'quick_reply', optionId });

/** Plays inputs in order from the start and returns every step. */
function play(playbook: Playbook, context: VisitorContext, inputs: VisitorInput[]): Step[] {
  const steps = [startPlaybook(playbook, context)];
  for (const input of inputs) steps.push(advancePlaybook(playbook, steps[steps.length - 1].state, input, context));
  return steps;
}

const last = (steps: Step[]) => steps[steps.length - 1];

describe('playbook runner', () => {
  const playbook = leadCapture();
  const german = visitor({ language: 'de' });

  it('runs the lead capture end to end in German: button, typed label, invalid then valid email, typed consent', () => {
    const start = startPlaybook(playbook, german);
    expect(start.actions).toEqual([
      {
        kind: 'say',
        text: 'Hallo! Ich bin der Acme-Assistent, ein automatischer Bot.',
        quickReplies: [],
        expects: null,
      },
      {
        kind: 'say',
        text: 'Wobei können wir helfen?',
        quickReplies: [
          { id: 'sales', label: 'Vertrieb' },
          { id: 'support', label: 'Support' },
          { id: 'privacy', label: 'Meine Daten löschen' },
        ],
        expects: null,
      },
    ]);
    expect(start.state).toEqual(expect.objectContaining({ nodeId: 'ask_topic', attempts: 0, ended: false }));
    expect(isWaiting(start.state)).toBe(true);

    const chosen = advancePlaybook(playbook, start.state, typed('  VERTRIEB! '), german);
    expect(chosen.actions).toEqual([{ kind: 'say', text: 'Ihre E-Mail-Adresse?', quickReplies: [], expects: 'email' }]);
    expect(chosen.state.answers).toEqual({ ask_topic: 'sales' });

    const invalid = advancePlaybook(playbook, chosen.state, typed('max at example'), german);
    expect(invalid.actions).toEqual([
      { kind: 'say', text: 'Das sieht nicht wie eine E-Mail-Adresse aus.', quickReplies: [], expects: 'email' },
    ]);
    expect(invalid.state).toEqual(expect.objectContaining({ nodeId: 'ask_email', attempts: 1 }));

    const valid = advancePlaybook(playbook, invalid.state, typed(' Max.Mustermann@Example.COM '), german);
    expect(valid.actions).toEqual([
      { kind: 'capture', field: 'email', value: 'Max.Mustermann@example.com' },
      {
        kind: 'say',
        text: 'Dürfen wir Ihnen E-Mails zu unseren Produkten senden?',
        quickReplies: [
          { id: 'grant', label: 'Ja' },
          { id: 'decline', label: 'Nein' },
        ],
        expects: null,
      },
    ]);
    expect(valid.state).toEqual(expect.objectContaining({ nodeId: 'consent', attempts: 0, capturedFields: ['email'] }));

    const consented = advancePlaybook(playbook, valid.state, typed('ja'), german);
    expect(consented.actions).toEqual([
      {
        kind: 'consent',
        formId: 'newsletter-consent',
        purpose: 'marketing_email',
        granted: true,
        formVersion: null,
        formTextHash: null,
      },
      { kind: 'say', text: 'Danke, wir melden uns!', quickReplies: [], expects: null },
      { kind: 'end' },
    ]);
    expect(consented.state).toEqual({
      version: 1,
      nodeId: null,
      attempts: 0,
      answers: { ask_topic: 'sales' },
      capturedFields: ['email'],
      consents: { consent: true },
      ended: true,
      outcome: 'completed',
    });
    expect(isWaiting(consented.state)).toBe(false);

    for (const state of [start, chosen, invalid, valid, consented].map((step) => JSON.stringify(step.state))) {
      expect(state.toLowerCase()).not.toContain('mustermann');
      expect(state.toLowerCase()).not.toContain('example.com');
    }
  });

  it('matches options by button, by label in another language and by synonym, ignoring case and accents', () => {
    const english = visitor();
    const start = startPlaybook(playbook, english);
    for (const input of [
      tapped('sales'),
      typed('vertrieb'),
      typed('Talk to sales.'),
      typed('ANGEBOT'),
      typed('Quote'),
    ]) {
      expect(advancePlaybook(playbook, start.state, input, english).state.answers).toEqual({ ask_topic: 'sales' });
    }
    expect(advancePlaybook(playbook, start.state, typed('meine daten loschen'), english).state.answers).toEqual({
      ask_topic: 'privacy',
    });
  });

  it('repeats the question with its quick replies, then follows onNoMatch', () => {
    const [, retried, handedOff] = play(playbook, visitor(), [typed('banana'), tapped('unknown')]);
    expect(retried.actions).toEqual([
      {
        kind: 'say',
        text: 'Please choose one of the options.',
        quickReplies: [
          { id: 'sales', label: 'Talk to sales' },
          { id: 'support', label: 'Support' },
          { id: 'privacy', label: 'Delete my data' },
        ],
        expects: null,
      },
    ]);
    expect(retried.state.attempts).toBe(1);
    expect(handedOff.actions).toEqual([
      { kind: 'say', text: 'Connecting you with a colleague…', quickReplies: [], expects: null },
      { kind: 'handoff', team: 'sales', skill: 'billing' },
    ]);
    expect(handedOff.state).toEqual(expect.objectContaining({ ended: true, outcome: 'handoff', nodeId: null }));
    expect(isWaiting(handedOff.state)).toBe(false);
  });

  it('follows onFail after maxAttempts invalid values', () => {
    const steps = play(playbook, visitor(), [tapped('sales'), typed('a'), typed('b@'), typed('@c.de')]);
    expect(steps[3].state.attempts).toBe(2);
    expect(last(steps).actions.map((action) => action.kind)).toEqual(['say', 'handoff']);
  });

  it('emits fallback_exhausted when nothing matches and there is no onNoMatch or onFail', () => {
    const bare = validOrFail(
      documentWith({
        ask: { kind: 'question', text: 'Pick', options: [{ id: 'one', label: 'One', next: 'phone' }] },
        phone: { kind: 'collect', field: 'phone', text: 'Phone?', maxAttempts: 1, next: 'done' },
        done: { kind: 'end' },
      }),
    );
    const question = play(bare, visitor(), [typed('two'), typed('three')]);
    expect(question[1].actions).toEqual([
      {
        kind: 'say',
        text: 'Please choose one of the options.',
        quickReplies: [{ id: 'one', label: 'One' }],
        expects: null,
      },
    ]);
    expect(last(question).actions).toEqual([{ kind: 'fallback_exhausted' }]);
    expect(last(question).state).toEqual(expect.objectContaining({ ended: true, outcome: 'fallback_exhausted' }));
    expect(advancePlaybook(bare, last(question).state, typed('one'), visitor())).toEqual({
      actions: [],
      state: last(question).state,
    });

    const collect = play(bare, visitor(), [typed('one'), typed('call me maybe')]);
    expect(last(collect).actions).toEqual([{ kind: 'fallback_exhausted' }]);
  });

  it('records a declined consent from the decline button, and asks again on an unclear answer', () => {
    const steps = play(playbook, visitor({ language: 'fr' }), [
      tapped('sales'),
      typed('marie@exemple.fr'),
      typed('peut-être'),
      tapped('decline'),
    ]);
    expect(steps[3].actions).toEqual([
      {
        kind: 'say',
        text: 'Veuillez répondre par oui ou par non.',
        quickReplies: [
          { id: 'grant', label: 'Oui' },
          { id: 'decline', label: 'Non' },
        ],
        expects: null,
      },
    ]);
    expect(last(steps).actions).toEqual([
      {
        kind: 'consent',
        formId: 'newsletter-consent',
        purpose: 'marketing_email',
        granted: false,
        formVersion: null,
        formTextHash: null,
      },
      { kind: 'say', text: 'Thanks, bye!', quickReplies: [], expects: null },
      { kind: 'end' },
    ]);
    expect(last(steps).state.consents).toEqual({ consent: false });
  });

  it('shows the published consent form instead of the node text, and records the version shown', () => {
    const form = { text: 'May we email you? (form v3)', version: 3, textHash: 'a'.repeat(64) };
    const withForm = visitor({ consentForm: (formId) => (formId === 'newsletter-consent' ? form : null) });
    const steps = play(playbook, withForm, [tapped('sales'), typed('a@b.de'), tapped('grant')]);
    expect(steps[2].actions.at(-1)).toMatchObject({ kind: 'say', text: 'May we email you? (form v3)' });
    expect(steps[3].actions[0]).toMatchObject({
      kind: 'consent',
      granted: true,
      formVersion: 3,
      formTextHash: form.textHash,
    });
    expect(steps[2].state.shownForms).toEqual({ consent: { version: 3, textHash: form.textHash } });
    expect(last(steps).state.shownForms).toEqual({});
  });

  it.each([
    ['oui', true],
    ['D’accord', true],
    ['Sí', true],
    ['sure', true],
    ['Einverstanden!', true],
    ['claro', true],
    ['nein', false],
    ['No gracias', false],
    ['non', false],
  ])('understands a typed consent answer %p', (answer, granted) => {
    const steps = play(playbook, visitor(), [tapped('sales'), typed('a@b.de'), typed(answer)]);
    expect(last(steps).actions[0]).toEqual(expect.objectContaining({ kind: 'consent', granted }));
  });

  it('starts a data request and continues to next', () => {
    const steps = play(playbook, visitor({ language: 'de' }), [tapped('privacy')]);
    expect(last(steps).actions).toEqual([
      { kind: 'say', text: 'Wir löschen Ihre Daten.', quickReplies: [], expects: null },
      { kind: 'data_request', request: 'erasure' },
      { kind: 'say', text: 'Danke, tschüss!', quickReplies: [], expects: null },
      { kind: 'end' },
    ]);
  });

  describe('branches', () => {
    const route = (context: VisitorContext, input: VisitorInput = tapped('support')) =>
      last(play(playbook, context, [input])).actions;

    it('follows an intent found in the visitor message, to a meeting', () => {
      expect(route(visitor(), typed('support', 'pricing'))).toEqual([
        { kind: 'say', text: 'Book a call:', quickReplies: [], expects: null },
        { kind: 'meeting', url: 'https://cal.example/acme' },
        { kind: 'say', text: 'Thanks, bye!', quickReplies: [], expects: null },
        { kind: 'end' },
      ]);
    });

    // Berlin is UTC+1 in January and UTC+2 in July; Monday hours are 09:00-17:00 there.
    it.each([
      ['Monday 09:30 in Berlin (08:30 UTC)', '2025-01-06T08:30:00Z', 'handoff'],
      ['Monday 17:30 in Berlin (16:30 UTC)', '2025-01-06T16:30:00Z', 'end'],
      ['Monday 09:30 in Berlin in summer (07:30 UTC)', '2025-07-07T07:30:00Z', 'handoff'],
      ['Saturday 00:30 in Berlin (Friday 23:30 UTC)', '2025-01-10T23:30:00Z', 'end'],
    ])('tests business hours in their time zone: %s', (_label, now, kind) => {
      const actions = route(visitor({ jurisdiction: 'DE', now: new Date(now) }));
      expect(actions[actions.length - 1].kind).toBe(kind);
    });

    it('matches "EU" against member states only', () => {
      const open = new Date('2025-01-06T10:00:00Z');
      expect(route(visitor({ jurisdiction: 'fr', now: open })).map((action) => action.kind)).toContain('handoff');
      expect(route(visitor({ jurisdiction: 'US', now: open })).map((action) => action.kind)).not.toContain('handoff');
      expect(route(visitor({ jurisdiction: null, now: open })).map((action) => action.kind)).not.toContain('handoff');
    });

    it('tests the page URL with startsWith, to the secure channel', () => {
      expect(route(visitor({ pageUrl: 'https://ACME.example/secure/records' }))).toEqual([
        { kind: 'say', text: 'Please use our secure portal for this.', quickReplies: [], expects: null },
        { kind: 'secure_channel' },
        { kind: 'say', text: 'Thanks, bye!', quickReplies: [], expects: null },
        { kind: 'end' },
      ]);
      expect(route(visitor({ pageUrl: 'https://other.example/secure' })).map((action) => action.kind)).toEqual([
        'say',
        'end',
      ]);
    });

    it('tests earlier answers, the language and contained URL parts', () => {
      const branching = validOrFail(
        documentWith({
          ask: {
            kind: 'question',
            text: 'Pick',
            options: [
              { id: 'one', label: 'One', next: 'route' },
              { id: 'two', label: 'Two', next: 'route' },
            ],
          },
          route: {
            kind: 'branch',
            rules: [
              { when: { answer: { node: 'ask', equals: 'one' } }, next: 'first' },
              {
                when: {
                  all: [{ attribute: 'language', in: ['de'] }, { not: { attribute: 'pageUrl', contains: '/jobs' } }],
                },
                next: 'german',
              },
            ],
            otherwise: 'other',
          },
          first: { kind: 'end', text: 'first' },
          german: { kind: 'end', text: 'german' },
          other: { kind: 'end', text: 'other' },
        }),
      );
      const finalText = (context: VisitorContext, option: string) => {
        const say = last(play(branching, context, [tapped(option)])).actions[0];
        return say.kind === 'say' ? say.text : null;
      };
      expect(finalText(visitor({ language: 'de' }), 'one')).toBe('first');
      expect(finalText(visitor({ language: 'de', pageUrl: 'https://acme.example/' }), 'two')).toBe('german');
      expect(finalText(visitor({ language: 'de', pageUrl: 'https://acme.example/JOBS/1' }), 'two')).toBe('other');
      expect(finalText(visitor({ language: 'es' }), 'two')).toBe('other');
    });
  });

  it('offers a meeting as the final action when it has no next', () => {
    const meeting = validOrFail(
      documentWith({ meet: { kind: 'meeting', text: 'Book:', url: 'https://cal.example/x' } }),
    );
    const step = startPlaybook(meeting, visitor());
    expect(step.actions).toEqual([
      { kind: 'say', text: 'Book:', quickReplies: [], expects: null },
      { kind: 'meeting', url: 'https://cal.example/x' },
      { kind: 'end' },
    ]);
    expect(step.state).toEqual(expect.objectContaining({ ended: true, outcome: 'completed' }));
  });

  it('falls back to the default language, then to any translation', () => {
    const step = startPlaybook(playbook, visitor({ language: 'es' }));
    expect(step.actions[0]).toEqual(expect.objectContaining({ text: "Hi! I'm the Acme assistant, an automated bot." }));
  });

  it('gives up instead of spinning on an unvalidated playbook with a loop', () => {
    const looping = {
      ...documentWith({ a: { kind: 'message', text: 'a', next: 'b' }, b: { kind: 'message', text: 'b', next: 'a' } }),
    } as unknown as Playbook;
    const step = startPlaybook(looping, visitor());
    expect(step.actions).toHaveLength(101);
    expect(step.actions[100]).toEqual({ kind: 'fallback_exhausted' });
    expect(step.state.ended).toBe(true);
  });

  it('gives up on a state whose node no longer exists in the playbook', () => {
    const stale: RunState = { ...startPlaybook(playbook, visitor()).state, nodeId: 'removed' };
    expect(advancePlaybook(playbook, stale, typed('hi'), visitor()).actions).toEqual([{ kind: 'fallback_exhausted' }]);
  });

  it('keeps the state serialisable: a JSON round trip continues the same way', () => {
    const start = startPlaybook(playbook, visitor());
    const restored = JSON.parse(JSON.stringify(start.state)) as RunState;
    expect(advancePlaybook(playbook, restored, tapped('sales'), visitor())).toEqual(
      advancePlaybook(playbook, start.state, tapped('sales'), visitor()),
    );
  });
});
