import { GLOBAL_INTENTS, IntentMatcher, LEAVE_MESSAGE, LEAVE_QUEUE } from '.';

const matcher = new IntentMatcher([...GLOBAL_INTENTS, LEAVE_QUEUE]);
const intentOf = (text: string) => matcher.match(text)?.intent ?? null;

describe('leaving the queue', () => {
  it.each([
    'never mind',
    'Nevermind, thanks',
    'cancel',
    "I don't want to wait any more",
    'schon gut',
    'abbrechen',
    'ich möchte nicht mehr warten',
    'laissez tomber',
    'je ne veux plus attendre',
    'olvídalo',
    'no quiero esperar más',
  ])('reads %j as leaving the queue', (text) => {
    expect(intentOf(text)).toBe('leave_queue');
  });

  it.each([
    ['forget me', 'forget_me'],
    ['vergiss mich', 'forget_me'],
    ['cancel my subscription', 'unsubscribe'],
    ['cancelar suscripción', 'unsubscribe'],
    ['I want a human', 'human'],
    ["I don't want to cancel", null],
    ['I want to wait', null],
    ['je veux attendre', null],
    ['how long do I have to wait?', null],
  ])('keeps %j apart (%s)', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });
});

describe('leaving a message while waiting', () => {
  const waiting = new IntentMatcher([...GLOBAL_INTENTS, LEAVE_QUEUE, LEAVE_MESSAGE]);
  const read = (text: string) => waiting.match(text)?.intent ?? null;

  it.each([
    'leave a message',
    'Can I leave a message instead?',
    'ich möchte eine Nachricht hinterlassen',
    'je voudrais laisser un message',
    'quiero dejar un mensaje',
  ])('reads %j as leaving a message', (text) => {
    expect(read(text)).toBe('leave_message');
  });

  it.each([
    ['leave the queue', 'leave_queue'],
    ['no more messages please', 'unsubscribe'],
    ['I want a human', 'human'],
    ['I got your message', null],
  ])('keeps %j apart (%s)', (text, intent) => {
    expect(read(text)).toBe(intent);
  });
});
