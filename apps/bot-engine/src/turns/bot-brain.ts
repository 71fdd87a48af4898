import type { GuardVerdict } from '@candor/contracts';
import {
  type BotAction,
  type Playbook,
  type RunState,
  type VisitorContext,
  type VisitorInput,
  advancePlaybook,
  isWaiting,
  playbookIntents,
  startPlaybook,
} from '../playbooks/model';
import { formInLanguage } from '../consent/consent-forms';
import { GLOBAL_INTENTS, type GlobalIntent, IntentMatcher, detectLanguage } from '../intents';
import { type BotLanguage, copyFor, describeCategories, isBotLanguage } from './bot-copy';
import { LEAVE_MESSAGE_PLAYBOOK } from './leave-message.playbook';
import type { Effect, BotProfile, Turn, TurnState, VisitorAttributes, VisitorMessage } from './turn.types';

/** What a message left for the team is kept for: answering it, not any consent. */
export const CONTACT_REQUEST = 'contact_request';

/** The quick reply the bot offers when it cannot understand: pressing it always asks for a person. */
export const TALK_TO_HUMAN = 'talk_to_human';

const GLOBAL_MATCHER = new IntentMatcher(GLOBAL_INTENTS);

/**
 * The bot's decisions, free of I/O: what to say and do when a conversation starts, on each visitor
 * message, and when nobody can take a hand-off. Global intents (a person, "are you a bot?", forget me,
 * privacy, unsubscribe) win at any point of any playbook; a message the guard cleaned gets the
 * secure-channel redirect, and then only a global intent it still carries is answered; what cannot be
 * understood gets a rephrase, then a person.
 */
export class BotBrain {
  private readonly playbookMatchers = new WeakMap<Playbook, IntentMatcher>();

  /** The memory of a conversation the bot has not spoken in yet. */
  freshState(locale: string | null): TurnState {
    return { language: languageOf(locale), languageFixed: locale !== null, run: null, detour: null, misunderstood: 0 };
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
    const global = this.globalIntentOf(message);
    if (!state.languageFixed) {
      const detected = global?.language ?? detectLanguage(message.text);
      if (detected) state.language = detected;
    }
    // Something sensitive was removed: the visitor is redirected, and nothing of the message answers the
    // playbook; what they asked of the bot itself (a person, "forget me", ...) still counts.
    const redirect =
      message.guard && isCleaned(message.guard) ? [this.redirect(state.language, bot, message.guard)] : [];
    if (global) {
      state.misunderstood = 0;
      return { effects: [...redirect, ...this.answerGlobal(global.intent, state, bot, visitor)], state };
    }
    if (redirect.length > 0) return { effects: redirect, state };

    const context = this.context(state, bot, visitor, now);
    if (state.detour && isWaiting(state.detour)) {
      const step = advancePlaybook(LEAVE_MESSAGE_PLAYBOOK, state.detour, this.input(message, null), context);
      state.detour = step.state;
      return { effects: this.fromActions(step.actions, bot, state.language, CONTACT_REQUEST), state };
    }
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
    const step = startPlaybook(LEAVE_MESSAGE_PLAYBOOK, this.context(state, bot, visitor, now));
    state.detour = step.state;
    return {
      effects: [
        say(copyFor(state.language).nobodyAvailable(bot.meetingUrl)),
        ...this.fromActions(step.actions, bot, state.language),
      ],
      state,
    };
  }

  /** A global intent, matched on the text as stored (after the guard); the offered button always asks for a person. */
  private globalIntentOf(message: VisitorMessage): { intent: GlobalIntent; language: BotLanguage | null } | null {
    if (message.quickReplyId === TALK_TO_HUMAN) return { intent: 'human', language: null };
    if (message.quickReplyId) return null;
    const match = GLOBAL_MATCHER.match(message.text);
    return match ? { intent: match.intent as GlobalIntent, language: match.language } : null;
  }

  private answerGlobal(intent: GlobalIntent, state: TurnState, bot: BotProfile, visitor: VisitorAttributes): Effect[] {
    const copy = copyFor(state.language);
    switch (intent) {
      case 'bot_check':
        return [say(copy.iAmABot(bot.personaName))];
      case 'human':
        return [say(copy.connectingToHuman), { kind: 'handoff', team: null, skill: null, reason: 'visitor_asked' }];
      case 'forget_me':
        return [{ kind: 'data_request', request: 'erasure' }, say(copy.erasureStarted)];
      case 'unsubscribe':
        return [{ kind: 'withdraw_all' }, { kind: 'data_request', request: 'unsubscribe' }, say(copy.unsubscribed)];
      case 'privacy':
        return [say(copy.privacy(visitor.privacyPolicyUrl))];
    }
  }

  private redirect(language: BotLanguage, bot: BotProfile, guard: GuardVerdict): Effect {
    return say(copyFor(language).secureChannel(describeCategories(language, guard.categories), bot.secureChannelUrl));
  }

  private offerHuman(language: BotLanguage): Effect {
    const copy = copyFor(language);
    return {
      kind: 'reply',
      text: copy.offerHuman,
      quickReplies: [{ id: TALK_TO_HUMAN, label: copy.talkToHumanLabel }],
      expects: null,
    };
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

function isCleaned(guard: GuardVerdict): boolean {
  return guard.outcome === 'redacted' || guard.outcome === 'blocked';
}

function say(text: string): Effect {
  return { kind: 'reply', text, quickReplies: [], expects: null };
}

function languageOf(locale: string | null): BotLanguage {
  const language = locale?.slice(0, 2) ?? null;
  return isBotLanguage(language) ? language : 'en';
}

export type { RunState };
