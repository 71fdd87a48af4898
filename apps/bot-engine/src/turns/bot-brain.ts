import type { QuickReply } from '@candor/contracts';
import {
  type BotAction,
  type Playbook,
  type RunState,
  type VisitorContext,
  type VisitorInput,
  advancePlaybook,
  isWaiting,
  playbookIntents,
  repeatPrompt,
  startPlaybook,
} from '../playbooks/model';
import { formInLanguage } from '../consent/consent-forms';
import {
  GLOBAL_INTENTS,
  type GlobalIntent,
  IntentMatcher,
  LEAVE_MESSAGE,
  LEAVE_QUEUE,
  detectLanguage,
} from '../intents';
import { copyFor, describeCategories } from './bot-copy';
import { type BotLanguage, isBotLanguage } from './bot-language';
import { LEAVE_MESSAGE_PLAYBOOK } from './leave-message.playbook';
import type { Effect, BotProfile, Turn, TurnState, VisitorAttributes, VisitorMessage } from './turn.types';

/** What a message left for the team is kept for: answering it, not any consent. */
export const CONTACT_REQUEST = 'contact_request';

/** The quick reply the bot offers when it cannot understand: pressing it always asks for a person. */
export const TALK_TO_HUMAN = 'talk_to_human';

/** The quick reply offered while the visitor waits for a person: pressing it leaves the queue. */
export const LEAVE_QUEUE_REPLY = 'leave_queue';

/** Quick replies offered when nobody has taken a queued conversation in time. */
export const LEAVE_MESSAGE_REPLY = 'leave_message';
export const KEEP_WAITING_REPLY = 'keep_waiting';

const GLOBAL_MATCHER = new IntentMatcher(GLOBAL_INTENTS);
/** While waiting for a person, "never mind" and "leave a message" also count; the global intents still win a tie. */
const WAITING_MATCHER = new IntentMatcher([...GLOBAL_INTENTS, LEAVE_QUEUE, LEAVE_MESSAGE]);

type QueueChoice = 'leave_queue' | 'leave_message' | 'keep_waiting';
type Asked = { intent: GlobalIntent | QueueChoice; language: BotLanguage | null };

const QUEUE_REPLIES: Readonly<Record<string, QueueChoice>> = {
  [LEAVE_QUEUE_REPLY]: 'leave_queue',
  [LEAVE_MESSAGE_REPLY]: 'leave_message',
  [KEEP_WAITING_REPLY]: 'keep_waiting',
};

/**
 * The bot's decisions, free of I/O: what to say and do when a conversation starts, on each visitor
 * message (with the bot, or waiting for a person), when nobody can take a hand-off, and when nobody took
 * a queued one in time. Global intents (a person, "are you a bot?", forget me, privacy, unsubscribe) win
 * at any point of any playbook and in the queue; a message the guard cleaned gets the secure-channel
 * redirect, and then only a global intent it still carries is answered; what cannot be understood gets a
 * rephrase, then a person.
 */
export class BotBrain {
  private readonly playbookMatchers = new WeakMap<Playbook, IntentMatcher>();

  /** The memory of a conversation the bot has not spoken in yet. */
  freshState(locale: string | null): TurnState {
    return {
      language: languageOf(locale),
      languageFixed: locale !== null,
      run: null,
      detour: null,
      misunderstood: 0,
      queueNoticed: false,
    };
  }

  greet(
    bot: BotProfile,
    locale: string | null,
    playbook: Playbook | null,
    visitor: VisitorAttributes,
    now: Date,
  ): Turn {
    const state = this.freshState(locale);
    const language = state.language;
    const effects: Effect[] = [say(bot.disclosure[language] ?? copyFor(language).greeting(bot.personaName))];
    if (playbook) {
      const step = startPlaybook(playbook, this.context(state, bot, visitor, now));
      state.run = step.state;
      effects.push(...this.fromActions(step.actions, bot, state.language));
    }
    return { effects, state };
  }

  onVisitorMessage(
    previous: TurnState,
    bot: BotProfile,
    playbook: Playbook | null,
    visitor: VisitorAttributes,
    message: VisitorMessage,
    now: Date,
  ): Turn {
    const state = { ...previous };
    const asked = this.askedOf(message, GLOBAL_MATCHER);
    // Talking to the bot again: a later wait gets its own notice, and a "stop waiting" or "keep waiting"
    // pressed late does nothing.
    state.queueNoticed = false;
    if (asked?.intent === 'leave_queue' || asked?.intent === 'keep_waiting') return { effects: [], state };
    followLanguage(state, asked, message.text);
    // Something sensitive was removed: the visitor is redirected, and nothing of the message answers the
    // playbook; what they asked of the bot itself (a person, "forget me", ...) still counts.
    const redirect = this.redirectFor(message, state.language, bot);
    if (asked?.intent === 'leave_message') {
      return { effects: [...redirect, ...this.startMessage(state, bot, visitor, now)], state };
    }
    if (asked) {
      state.misunderstood = 0;
      return { effects: [...redirect, ...this.answerGlobal(asked.intent, state, bot, visitor)], state };
    }
    // Nothing of a cleaned message answers the question pending, so it is asked again: otherwise the visitor's
    // next "yes" would answer a question they can no longer see, or none at all.
    if (redirect.length > 0)
      return { effects: [...redirect, ...this.askAgain(state, bot, playbook, visitor, now)], state };

    if (state.detour && isWaiting(state.detour)) {
      return { effects: this.continueMessage(state, state.detour, bot, visitor, message, now), state };
    }
    const context = this.context(state, bot, visitor, now);
    if (playbook && state.run && isWaiting(state.run)) {
      const intent = message.quickReplyId ? null : (this.matcherFor(playbook).match(message.text)?.intent ?? null);
      const step = advancePlaybook(playbook, state.run, this.input(message, intent), context);
      state.run = step.state;
      state.misunderstood = 0;
      return { effects: this.fromActions(step.actions, bot, state.language), state };
    }
    state.misunderstood += 1;
    const rephrase =
      state.misunderstood === 1 ? say(copyFor(state.language).rephrase) : this.offerHuman(state.language);
    return { effects: [rephrase], state };
  }

  /** Nobody can take the conversation: offer a meeting and to leave a message, in the same breath. */
  onUnstaffed(previous: TurnState, bot: BotProfile, visitor: VisitorAttributes, now: Date): Turn {
    const state = { ...previous };
    const offer = say(copyFor(state.language).nobodyAvailable(bot.meetingUrl));
    return { effects: [offer, ...this.startMessage(state, bot, visitor, now)], state };
  }

  /**
   * Nobody took the queued conversation in time: the visitor is told so, and offered a meeting or to leave a
   * message, to keep waiting, or to stop waiting. They stay in the queue until they choose.
   */
  onQueueTimeout(previous: TurnState, bot: BotProfile): Turn {
    const state = { ...previous, queueNoticed: true };
    const copy = copyFor(state.language);
    const offer = say(
      copy.nobodyTookIt(bot.meetingUrl),
      { id: LEAVE_MESSAGE_REPLY, label: copy.leaveMessageLabel },
      { id: KEEP_WAITING_REPLY, label: copy.keepWaitingLabel },
      { id: LEAVE_QUEUE_REPLY, label: copy.leaveQueueLabel },
    );
    return { effects: [offer], state };
  }

  /**
   * While the visitor waits for a person nobody holds the conversation, so the bot still answers what it
   * always must (forget me, stop, "are you a bot?", privacy), lets the visitor stop waiting or leave a
   * message meanwhile, and otherwise says once that they are in the queue. The playbook waits where it was.
   */
  whileWaiting(
    previous: TurnState,
    bot: BotProfile,
    visitor: VisitorAttributes,
    message: VisitorMessage,
    now: Date,
  ): Turn {
    const state = { ...previous };
    const asked = this.askedOf(message, WAITING_MATCHER);
    followLanguage(state, asked, message.text);
    const redirect = this.redirectFor(message, state.language, bot);
    if (asked?.intent === 'leave_queue') {
      state.queueNoticed = false;
      return { effects: [...redirect, { kind: 'leave_queue' }], state };
    }
    if (asked?.intent === 'leave_message') {
      return { effects: [...redirect, ...this.startMessage(state, bot, visitor, now)], state };
    }
    if (asked?.intent === 'keep_waiting') {
      return { effects: [...redirect, say(copyFor(state.language).stillWaiting)], state };
    }
    if (asked && asked.intent !== 'human') {
      return { effects: [...redirect, ...this.answerGlobal(asked.intent, state, bot, visitor)], state };
    }
    // Asking for a person again ends a message being left; otherwise the message goes on while they wait.
    if (asked) state.detour = null;
    else if (redirect.length === 0 && state.detour && isWaiting(state.detour)) {
      return { effects: this.continueMessage(state, state.detour, bot, visitor, message, now), state };
    }
    // Asking for a person again, or the first message in the queue: where they stand, and the way out.
    const notice = asked?.intent === 'human' || !state.queueNoticed ? [this.queueNotice(state.language)] : [];
    if (notice.length > 0) state.queueNoticed = true;
    return { effects: [...redirect, ...notice], state };
  }

  /** What the visitor asked of the bot itself, matched on the text as stored (after the guard). */
  private askedOf(message: VisitorMessage, matcher: IntentMatcher): Asked | null {
    if (message.quickReplyId === TALK_TO_HUMAN) return { intent: 'human', language: null };
    if (message.quickReplyId) {
      const choice = QUEUE_REPLIES[message.quickReplyId];
      return choice ? { intent: choice, language: null } : null;
    }
    const match = matcher.match(message.text);
    return match ? { intent: match.intent as Asked['intent'], language: match.language } : null;
  }

  private answerGlobal(intent: GlobalIntent, state: TurnState, bot: BotProfile, visitor: VisitorAttributes): Effect[] {
    const copy = copyFor(state.language);
    switch (intent) {
      case 'bot_check':
        return [say(copy.iAmABot(bot.personaName))];
      case 'human':
        // A person instead of the message being left: the hand-off replaces it.
        state.detour = null;
        return [say(copy.connectingToHuman), { kind: 'handoff', team: null, skill: null, reason: 'visitor_asked' }];
      case 'forget_me':
        return [{ kind: 'data_request', request: 'erasure' }, say(copy.erasureStarted)];
      case 'unsubscribe':
        return [{ kind: 'withdraw_all' }, { kind: 'data_request', request: 'unsubscribe' }, say(copy.unsubscribed)];
      case 'privacy':
        return [say(copy.privacy(visitor.privacyNotice))];
    }
  }

  /** The built-in leave-a-message run starts (and takes precedence over the playbook while it lasts). */
  private startMessage(state: TurnState, bot: BotProfile, visitor: VisitorAttributes, now: Date): Effect[] {
    const step = startPlaybook(LEAVE_MESSAGE_PLAYBOOK, this.context(state, bot, visitor, now));
    state.detour = step.state;
    return this.fromActions(step.actions, bot, state.language, CONTACT_REQUEST);
  }

  private continueMessage(
    state: TurnState,
    detour: RunState,
    bot: BotProfile,
    visitor: VisitorAttributes,
    message: VisitorMessage,
    now: Date,
  ): Effect[] {
    const context = this.context(state, bot, visitor, now);
    const step = advancePlaybook(LEAVE_MESSAGE_PLAYBOOK, detour, this.input(message, null), context);
    state.detour = step.state;
    return this.fromActions(step.actions, bot, state.language, CONTACT_REQUEST);
  }

  /** The question the bot's run (or the message being left) waits at, asked again. */
  private askAgain(
    state: TurnState,
    bot: BotProfile,
    playbook: Playbook | null,
    visitor: VisitorAttributes,
    now: Date,
  ): Effect[] {
    const context = this.context(state, bot, visitor, now);
    if (state.detour && isWaiting(state.detour)) {
      const step = repeatPrompt(LEAVE_MESSAGE_PLAYBOOK, state.detour, context);
      state.detour = step.state;
      return this.fromActions(step.actions, bot, state.language, CONTACT_REQUEST);
    }
    if (!playbook || !state.run || !isWaiting(state.run)) return [];
    const step = repeatPrompt(playbook, state.run, context);
    state.run = step.state;
    return this.fromActions(step.actions, bot, state.language);
  }

  /** The secure-channel redirect, when the guard removed something from the message. */
  private redirectFor(message: VisitorMessage, language: BotLanguage, bot: BotProfile): Effect[] {
    const guard = message.guard;
    if (guard?.outcome !== 'redacted' && guard?.outcome !== 'blocked') return [];
    return [say(copyFor(language).secureChannel(describeCategories(language, guard.categories), bot.secureChannelUrl))];
  }

  private queueNotice(language: BotLanguage): Effect {
    const copy = copyFor(language);
    return say(copy.inQueue, { id: LEAVE_QUEUE_REPLY, label: copy.leaveQueueLabel });
  }

  private offerHuman(language: BotLanguage): Effect {
    const copy = copyFor(language);
    return say(copy.offerHuman, { id: TALK_TO_HUMAN, label: copy.talkToHumanLabel });
  }

  /** `keptFor`: the purpose captured values serve when the run is the bot's own (leave-a-message). */
  private fromActions(
    actions: BotAction[],
    bot: BotProfile,
    language: BotLanguage,
    keptFor: string | null = null,
  ): Effect[] {
    const copy = copyFor(language);
    return actions.flatMap((action): Effect[] => {
      switch (action.kind) {
        case 'say':
          return [{ kind: 'reply', text: action.text, quickReplies: action.quickReplies, expects: action.expects }];
        case 'capture':
          return [{ kind: 'capture', field: action.field, value: action.value, keptFor }];
        case 'consent':
          return [
            {
              kind: 'consent',
              formId: action.formId,
              purpose: action.purpose,
              granted: action.granted,
              formVersion: action.formVersion,
              formTextHash: action.formTextHash,
            },
          ];
        case 'handoff':
          return [{ kind: 'handoff', team: action.team, skill: action.skill, reason: 'playbook' }];
        case 'meeting':
          return [say(copy.meeting(action.url))];
        case 'secure_channel':
          return bot.secureChannelUrl ? [say(bot.secureChannelUrl)] : [];
        case 'data_request':
          return [{ kind: 'data_request', request: action.request }];
        case 'fallback_exhausted':
          return [this.offerHuman(language)];
        case 'end':
          return [];
      }
    });
  }

  private input(message: VisitorMessage, intent: string | null): VisitorInput {
    return message.quickReplyId
      ? { kind: 'quick_reply', optionId: message.quickReplyId }
      : { kind: 'text', text: message.text, intent };
  }

  private context(state: TurnState, bot: BotProfile, visitor: VisitorAttributes, now: Date): VisitorContext {
    return {
      language: state.language,
      jurisdiction: visitor.jurisdiction,
      pageUrl: visitor.pageUrl,
      now,
      consentForm: (formId) => formInLanguage(bot.consentForms, formId, state.language),
    };
  }

  private matcherFor(playbook: Playbook): IntentMatcher {
    let matcher = this.playbookMatchers.get(playbook);
    if (!matcher) {
      matcher = new IntentMatcher(playbookIntents(playbook));
      this.playbookMatchers.set(playbook, matcher);
    }
    return matcher;
  }
}

/** Unless the widget fixed it, the bot follows the language the visitor writes in. */
function followLanguage(state: TurnState, asked: Pick<Asked, 'language'> | null, text: string): void {
  if (state.languageFixed) return;
  const detected = asked?.language ?? detectLanguage(text);
  if (detected) state.language = detected;
}

function say(text: string, ...quickReplies: QuickReply[]): Effect {
  return { kind: 'reply', text, quickReplies, expects: null };
}

function languageOf(locale: string | null): BotLanguage {
  const language = locale?.slice(0, 2) ?? null;
  return isBotLanguage(language) ? language : 'en';
}

export type { RunState };
