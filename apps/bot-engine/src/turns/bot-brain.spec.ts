import { type Playbook, validatePlaybook } from '../playbooks/model';
import { BotBrain, KEEP_WAITING_REPLY, LEAVE_MESSAGE_REPLY, LEAVE_QUEUE_REPLY, TALK_TO_HUMAN } from './bot-brain';
import type { BotProfile, Effect, TurnState, VisitorAttributes, VisitorMessage } from './turn.types';

const BOT: BotProfile = {
  personaName: 'Acme Bot',
  disclosure: { en: "Hi, I'm the Acme bot, an automated assistant." },
  secureChannelUrl: 'https://portal.acme.example',
  meetingUrl: 'https://cal.acme.example',
  consentForms: new Map(),
};
const VISITOR: VisitorAttributes = {
  jurisdiction: 'DE',
  pageUrl: null,
  privacyNotice: { version: '2026-11', policyUrl: 'https://acme.example/privacy' },
};
const NOW = new Date('2026-11-30T10:00:00Z');

function playbook(): Playbook {
  const parsed = validatePlaybook({
    schemaVersion: 1,
    name: 'Topics',
    defaultLanguage: 'en',
    start: 'topic',
    nodes: {
      topic: {
        kind: 'question',
        text: 'Sales or support?',
        options: [
          { id: 'sales', label: 'Sales', next: 'bye' },
          { id: 'support', label: 'Support', next: 'bye' },
        ],
      },
      bye: { kind: 'end', text: 'Bye!' },
    },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.playbook;
}

function message(text: string, extra: Partial<VisitorMessage> = {}): VisitorMessage {
  return { messageId: '00000000-0000-4000-8000-000000000001', text, quickReplyId: null, guard: null, ...extra };
}

const texts = (effects: Effect[]) => effects.flatMap((effect) => (effect.kind === 'reply' ? [effect.text] : []));

describe('BotBrain', () => {
  const brain = new BotBrain();

  it.each([
    [
      'one 4,000-letter word',
      Array.from({ length: 4_000 }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join(''),
    ],
    ['4,000 characters of distinct words', Array.from({ length: 800 }, (_, i) => `w${i.toString(36)}x`).join(' ')],
    ['4,000 CJK characters', Array.from({ length: 4_000 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('')],
  ])('answers %s with a rephrase instead of exhausting the process', (_shape, text) => {
    const start = brain.greet(BOT, 'en', playbook(), VISITOR, NOW).state;
    const turn = brain.onVisitorMessage(start, BOT, playbook(), VISITOR, message(text), NOW);
    expect(texts(turn.effects)).toHaveLength(1);
  });

  it('discloses first, then starts the playbook', () => {
    const turn = brain.greet(BOT, 'en', playbook(), VISITOR, NOW);
    expect(texts(turn.effects)).toEqual([BOT.disclosure.en, 'Sales or support?']);
    expect(turn.state).toMatchObject({ language: 'en', languageFixed: true, misunderstood: 0 });
  });

  it('falls back to the built-in disclosure in the visitor language when the tenant wrote none for it', () => {
    const turn = brain.greet(BOT, 'fr-FR', null, VISITOR, NOW);
    expect(texts(turn.effects)).toEqual([
      'Bonjour ! Je suis Acme Bot, un assistant automatisé, pas une personne. ' +
        'Posez-moi vos questions, ou demandez une personne à tout moment.',
    ]);
  });

  it('redirects to the secure channel instead of answering a message the guard cleaned, and asks again', () => {
    const start = brain.greet(BOT, 'en', playbook(), VISITOR, NOW).state;
    const turn = brain.onVisitorMessage(
      start,
      BOT,
      playbook(),
      VISITOR,
      message('Sales, card [card removed]', { guard: { outcome: 'redacted', categories: ['card'] } }),
      NOW,
    );
    // The question again, with its buttons: the next "Sales" answers a question the visitor can see.
    expect(texts(turn.effects)).toEqual([expect.stringContaining('https://portal.acme.example'), 'Sales or support?']);
    expect(turn.effects[1]).toMatchObject({ quickReplies: [{ id: 'sales' }, { id: 'support' }] });
    expect(turn.state.run).toEqual(start.run);
  });

  it.each([
    [
      'a person',
      'I need a person about my [health removed] [health removed]',
      ['health'],
      [{ kind: 'handoff', team: null, skill: null, reason: 'visitor_asked' }],
    ],
    ['erasure', 'Delete my data, DOB [dob removed]', ['dob'], [{ kind: 'data_request', request: 'erasure' }]],
    [
      'stop',
      'Stop sending me emails about my [health removed]',
      ['health'],
      [{ kind: 'withdraw_all' }, { kind: 'data_request', request: 'unsubscribe' }],
    ],
  ])('redirects a cleaned message and still honours %s asked in it', (_, text, categories, actions) => {
    const start = brain.greet(BOT, 'en', playbook(), VISITOR, NOW).state;
    const guard = { outcome: 'redacted' as const, categories };
    const turn = brain.onVisitorMessage(start, BOT, playbook(), VISITOR, message(text, { guard }), NOW);
    expect(texts(turn.effects)[0]).toContain("please don't share it in this chat");
    expect(turn.effects.filter((effect) => effect.kind !== 'reply')).toEqual(actions);
    expect(texts(turn.effects)).toHaveLength(2);
    expect(turn.state.run).toEqual(start.run);
  });

  it('redirects, then answers truthfully and gives the privacy link, in the language of a cleaned message', () => {
    const start = brain.greet(BOT, null, null, VISITOR, NOW).state;
    const guard = { outcome: 'redacted' as const, categories: ['health'] };
    const cleaned = (text: string) => brain.onVisitorMessage(start, BOT, null, VISITOR, message(text, { guard }), NOW);
    expect(texts(cleaned('Are you a bot? I have [health removed]').effects)).toEqual([
      expect.stringContaining('https://portal.acme.example'),
      expect.stringMatching(/^Yes, I'm Acme Bot, an automated assistant/),
    ]);
    const privacy = cleaned('Was macht ihr mit meinen Daten? Ich nehme [health removed]');
    expect(texts(privacy.effects)).toEqual([
      expect.stringMatching(/^Zu Ihrem Schutz habe ich entfernt, was nach Gesundheitsangaben aussah/),
      expect.stringContaining('https://acme.example/privacy'),
    ]);
  });

  it('answers the global intents at any point, and the playbook carries on afterwards', () => {
    const start = brain.greet(BOT, 'en', playbook(), VISITOR, NOW).state;
    const human = brain.onVisitorMessage(start, BOT, playbook(), VISITOR, message('can I talk to a human?'), NOW);
    expect(human.effects).toContainEqual({ kind: 'handoff', team: null, skill: null, reason: 'visitor_asked' });
    const forget = brain.onVisitorMessage(start, BOT, playbook(), VISITOR, message('please delete my data'), NOW);
    expect(forget.effects[0]).toEqual({ kind: 'data_request', request: 'erasure' });
    const stop = brain.onVisitorMessage(start, BOT, playbook(), VISITOR, message('unsubscribe'), NOW);
    expect(stop.effects.slice(0, 2)).toEqual([
      { kind: 'withdraw_all' },
      { kind: 'data_request', request: 'unsubscribe' },
    ]);
    const privacy = brain.onVisitorMessage(
      start,
      BOT,
      playbook(),
      VISITOR,
      message('what do you do with my data?'),
      NOW,
    );
    expect(texts(privacy.effects)[0]).toContain('https://acme.example/privacy');
    const chosen = brain.onVisitorMessage(privacy.state, BOT, playbook(), VISITOR, message('Sales'), NOW);
    expect(texts(chosen.effects)).toEqual(['Bye!']);
  });

  describe('while the visitor waits for a person', () => {
    const waiting = () => brain.greet(BOT, 'en', playbook(), VISITOR, NOW).state;
    const inQueue = "You're in the queue for a person from our team";

    it('still opens an erasure request, stops marketing, answers "are you a bot?" and gives the privacy link', () => {
      const start = waiting();
      const asked = (text: string) => brain.whileWaiting(start, BOT, VISITOR, message(text), NOW);
      const forget = asked('forget me');
      expect(forget.effects[0]).toEqual({ kind: 'data_request', request: 'erasure' });
      expect(asked('stop').effects.slice(0, 2)).toEqual([
        { kind: 'withdraw_all' },
        { kind: 'data_request', request: 'unsubscribe' },
      ]);
      expect(texts(asked('are you a bot?').effects)).toEqual([expect.stringMatching(/^Yes, I'm Acme Bot/)]);
      expect(texts(asked('what do you do with my data').effects)[0]).toContain('https://acme.example/privacy');
      // The playbook is not advanced: its question is still open once the conversation is back with the bot.
      expect(forget.state.run).toEqual(start.run);
    });

    it('says once that the visitor is in the queue, with a way out, then keeps quiet unless asked for a person', () => {
      const first = brain.whileWaiting(waiting(), BOT, VISITOR, message('hello?'), NOW);
      expect(first.effects).toEqual([
        {
          kind: 'reply',
          text: expect.stringContaining(inQueue),
          quickReplies: [{ id: LEAVE_QUEUE_REPLY, label: 'Stop waiting' }],
          expects: null,
        },
      ]);
      const second = brain.whileWaiting(first.state, BOT, VISITOR, message('still there?'), NOW);
      expect(second.effects).toEqual([]);
      const again = brain.whileWaiting(second.state, BOT, VISITOR, message('I want a human'), NOW);
      expect(texts(again.effects)).toEqual([expect.stringContaining(inQueue)]);
      expect(again.effects.some((effect) => effect.kind === 'handoff')).toBe(false);
    });

    it('redirects a cleaned message in the queue too, without answering it', () => {
      const guard = { outcome: 'redacted' as const, categories: ['health'] };
      const turn = brain.whileWaiting(
        waiting(),
        BOT,
        VISITOR,
        message('it is about my [health removed]', { guard }),
        NOW,
      );
      expect(texts(turn.effects)).toEqual([
        expect.stringContaining('https://portal.acme.example'),
        expect.stringContaining(inQueue),
      ]);
    });

    it.each([
      ['never mind', null],
      ['Vergiss es, ich warte nicht mehr', null],
      ['Stop waiting', LEAVE_QUEUE_REPLY],
    ])('leaves the queue on "%s"', (text, quickReplyId) => {
      const turn = brain.whileWaiting(waiting(), BOT, VISITOR, message(text, { quickReplyId }), NOW);
      expect(turn.effects).toEqual([{ kind: 'leave_queue' }]);
    });

    describe('when nobody took the conversation in time', () => {
      const timedOut = (locale = 'en') =>
        brain.onQueueTimeout(brain.greet(BOT, locale, playbook(), VISITOR, NOW).state, BOT);

      it.each([
        ['en', 'Sorry, nobody from our team has been able to take your conversation yet.', 'Leave a message'],
        ['de', 'Leider konnte bisher niemand aus unserem Team Ihr Gespräch übernehmen.', 'Nachricht hinterlassen'],
        ['fr', "Désolé, personne de notre équipe n'a encore pu prendre votre conversation.", 'Laisser un message'],
        ['es', 'Lo sentimos, todavía nadie de nuestro equipo ha podido atender su conversación.', 'Dejar un mensaje'],
      ])(
        'says so in %s, offers the meeting link, a message, waiting on or stopping, and changes nothing else',
        (locale, opening, leaveLabel) => {
          const turn = timedOut(locale);
          expect(turn.effects).toEqual([
            {
              kind: 'reply',
              text: expect.stringContaining('https://cal.acme.example'),
              quickReplies: [
                { id: LEAVE_MESSAGE_REPLY, label: leaveLabel },
                { id: KEEP_WAITING_REPLY, label: expect.any(String) },
                { id: LEAVE_QUEUE_REPLY, label: expect.any(String) },
              ],
              expects: null,
            },
          ]);
          expect(texts(turn.effects)[0].startsWith(opening)).toBe(true);
          // Still queued: no other "you're in the queue" notice follows the next message.
          expect(brain.whileWaiting(turn.state, BOT, VISITOR, message('hello?'), NOW).effects).toEqual([]);
        },
      );

      it('promises no meeting when the tenant has no booking link', () => {
        const turn = brain.onQueueTimeout(timedOut().state, { ...BOT, meetingUrl: null });
        expect(texts(turn.effects)[0]).not.toContain('book');
        expect(texts(turn.effects)[0]).toContain('leave a message');
      });

      it.each([
        ['Leave a message', LEAVE_MESSAGE_REPLY],
        ['can I leave a message?', null],
        ['Ich möchte eine Nachricht hinterlassen', null],
        ['je voudrais laisser un message', null],
        ['quiero dejar un mensaje', null],
      ])('takes a message on "%s" without leaving the queue', (text, quickReplyId) => {
        const asked = brain.whileWaiting(timedOut().state, BOT, VISITOR, message(text, { quickReplyId }), NOW);
        expect(asked.effects).toEqual([expect.objectContaining({ kind: 'reply', expects: 'email' })]);
        const email = brain.whileWaiting(asked.state, BOT, VISITOR, message('sam@example.com'), NOW);
        const left = brain.whileWaiting(email.state, BOT, VISITOR, message('Call me back'), NOW);
        const effects = [...asked.effects, ...email.effects, ...left.effects];
        expect(effects.filter((effect) => effect.kind === 'capture')).toEqual([
          { kind: 'capture', field: 'email', value: 'sam@example.com', keptFor: 'contact_request' },
          { kind: 'capture', field: 'text', value: 'Call me back', keptFor: 'contact_request' },
        ]);
        expect(effects.some((effect) => effect.kind === 'leave_queue' || effect.kind === 'handoff')).toBe(false);
        expect(texts(left.effects)).toEqual(['Thank you, your message is with our team. We will reply by email.']);
        // The playbook still waits where it was, for when the conversation is back with the bot.
        expect(left.state.run).toEqual(asked.state.run);
      });

      it('says the visitor is still queued when they keep waiting, and lets them stop waiting', () => {
        const start = timedOut().state;
        const keep = brain.whileWaiting(
          start,
          BOT,
          VISITOR,
          message('Keep waiting', { quickReplyId: KEEP_WAITING_REPLY }),
          NOW,
        );
        expect(texts(keep.effects)).toEqual([
          "You're still in the queue. A person from our team will join here if one becomes free.",
        ]);
        const stop = brain.whileWaiting(
          start,
          BOT,
          VISITOR,
          message('Stop waiting', { quickReplyId: LEAVE_QUEUE_REPLY }),
          NOW,
        );
        expect(stop.effects).toEqual([{ kind: 'leave_queue' }]);
      });

      it('ends a message being left when the visitor asks for a person again', () => {
        const leaving = brain.whileWaiting(
          timedOut().state,
          BOT,
          VISITOR,
          message('x', { quickReplyId: LEAVE_MESSAGE_REPLY }),
          NOW,
        );
        const person = brain.whileWaiting(leaving.state, BOT, VISITOR, message('I want a human'), NOW);
        expect(person.state.detour).toBeNull();
        expect(texts(person.effects)).toEqual([expect.stringContaining(inQueue)]);
      });
    });

    it('does nothing with a "stop waiting" pressed once the conversation is back with the bot', () => {
      const start = waiting();
      const late = message('Stop waiting', { quickReplyId: LEAVE_QUEUE_REPLY });
      expect(brain.onVisitorMessage(start, BOT, playbook(), VISITOR, late, NOW)).toEqual({ effects: [], state: start });
    });
  });

  it.each([
    ['en', 'what do you do with my data?', 'version 2026-11'],
    ['de', 'Was macht ihr mit meinen Daten?', 'Version 2026-11'],
    ['fr', 'Que faites-vous de mes données ?', 'version 2026-11'],
    ['es', '¿Qué hacéis con mis datos?', 'versión 2026-11'],
  ])(
    'answers about data in %s with the notice the visitor was shown and the policy link, nothing else',
    (locale, asked, version) => {
      const start = brain.greet(BOT, locale, null, VISITOR, NOW).state;
      const [answer] = texts(brain.onVisitorMessage(start, BOT, null, VISITOR, message(asked), NOW).effects);
      expect(answer).toContain(`(${version})`);
      expect(answer.endsWith(': https://acme.example/privacy')).toBe(true);
      // Nothing of how data is used that the tenant did not write.
      expect(answer).not.toMatch(/only|nur|uniquement|solo/);
    },
  );

  it('points to the notice shown even before the policy link has reached the bot', () => {
    const unknown: VisitorAttributes = { ...VISITOR, privacyNotice: { version: null, policyUrl: null } };
    const start = brain.greet(BOT, 'en', null, unknown, NOW).state;
    expect(texts(brain.onVisitorMessage(start, BOT, null, unknown, message('privacy policy'), NOW).effects)).toEqual([
      'How we handle your data is set out in the privacy notice shown when this chat started.',
    ]);
  });

  it.each([
    ['en', 'forget me', /opened a request.*verify your identity.*within one month\.$/],
    ['de', 'vergessen Sie mich', /Antrag.*eröffnet.*Identität prüfen.*innerhalb eines Monats antworten\.$/],
    ['fr', 'oubliez-moi', /ouvert une demande.*vérifier votre identité.*délai d'un mois\.$/],
    ['es', 'olvídame', /abierto una solicitud.*verificar su identidad.*plazo de un mes\.$/],
  ])(
    'says in %s that an erasure request was opened, identity may be checked, and the one-month deadline',
    (locale, asked, said) => {
      const start = brain.greet(BOT, locale, null, VISITOR, NOW).state;
      const turn = brain.onVisitorMessage(start, BOT, null, VISITOR, message(asked), NOW);
      expect(turn.effects[0]).toEqual({ kind: 'data_request', request: 'erasure' });
      expect(texts(turn.effects)).toEqual([expect.stringMatching(said)]);
    },
  );

  it('asks to rephrase, then offers a person, and the offered button hands over', () => {
    const start = brain.greet(BOT, 'en', null, VISITOR, NOW).state;
    const first = brain.onVisitorMessage(start, BOT, null, VISITOR, message('blorp'), NOW);
    expect(texts(first.effects)).toEqual(["Sorry, I didn't understand that. Could you say it another way?"]);
    const second = brain.onVisitorMessage(first.state, BOT, null, VISITOR, message('zzz'), NOW);
    expect(second.effects).toEqual([
      {
        kind: 'reply',
        text: "I'm still not sure I understand. Would you like to talk to a person?",
        quickReplies: [{ id: TALK_TO_HUMAN, label: 'Talk to a person' }],
        expects: null,
      },
    ]);
    const pressed = brain.onVisitorMessage(
      second.state,
      BOT,
      null,
      VISITOR,
      message('Talk to a person', { quickReplyId: TALK_TO_HUMAN }),
      NOW,
    );
    expect(pressed.effects).toContainEqual({ kind: 'handoff', team: null, skill: null, reason: 'visitor_asked' });
  });

  it('follows the language the visitor writes in when the widget did not say', () => {
    const start = brain.greet(BOT, null, null, VISITOR, NOW).state;
    const turn = brain.onVisitorMessage(start, BOT, null, VISITOR, message('Bist du ein Roboter?'), NOW);
    expect(turn.state.language).toBe('de');
    expect(texts(turn.effects)[0]).toMatch(/^Ja, ich bin Acme Bot, ein automatisierter Assistent/);
  });

  it('takes a message when nobody is available: an email, then the text, each captured, never kept in state', () => {
    const start: TurnState = brain.greet(BOT, 'en', null, VISITOR, NOW).state;
    const offer = brain.onUnstaffed(start, BOT, VISITOR, NOW);
    expect(texts(offer.effects)).toEqual([
      expect.stringContaining('https://cal.acme.example'),
      'Which email address should we reply to?',
    ]);
    expect(offer.effects[1]).toMatchObject({ expects: 'email' });
    const email = brain.onVisitorMessage(offer.state, BOT, null, VISITOR, message('sam@example.com'), NOW);
    const text = brain.onVisitorMessage(email.state, BOT, null, VISITOR, message('Call me back'), NOW);
    const captured = [...email.effects, ...text.effects].filter((effect) => effect.kind === 'capture');
    expect(captured).toEqual([
      { kind: 'capture', field: 'email', value: 'sam@example.com', keptFor: 'contact_request' },
      { kind: 'capture', field: 'text', value: 'Call me back', keptFor: 'contact_request' },
    ]);
    expect(JSON.stringify(text.state)).not.toContain('sam@example.com');
  });
});
