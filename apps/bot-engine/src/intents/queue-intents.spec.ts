import { GLOBAL_INTENTS, IntentMatcher, LEAVE_QUEUE } from '.';

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
