import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  type ConversationStartedV2,
  type ConversationStatusChangedV2,
  type EventEnvelope,
  type HandoffQueueTimedOutV1,
  type HandoffUnstaffedV1,
  type MessagePostedV3,
  conversationStartedV2,
  conversationStatusChangedV2,
  handoffQueueTimedOutV1,
  handoffUnstaffedV1,
  messagePostedV3,
  messageTextScope,
} from '@candor/contracts';
import { ERASED, PersonalDataCipher } from '@candor/crypto';
import { type EventContext, handlesOnly } from '@candor/messaging';
import type { TenantBot } from '../bots/tenant-bot.entity';
import { ConsentForms, type ConsentFormTexts } from '../consent/consent-forms';
import { TenantBots } from '../bots/tenant-bots.service';
import type { Playbook } from '../playbooks/model';
import { Playbooks } from '../playbooks/playbooks.service';
import { BotBrain } from '../turns/bot-brain';
import type { BotProfile, Turn, TurnState, VisitorAttributes, VisitorMessage } from '../turns/turn.types';
import type { BotConversation } from './bot-conversation.entity';
import { BotConversations } from './bot-conversations';
import { CollectedValues } from './collected-values';
import { TurnEffects } from './turn-effects';

/**
 * The bot's side of a conversation: it greets (saying it is automated) when one starts, answers each
 * visitor message while the conversation is with the bot, still answers what it always must while the
 * visitor waits for a person, stays silent while a person holds it, and offers a meeting or a message
 * when nobody can take it or nobody took it in time. Visitor text arrives encrypted under the
 * visitor's key; replies leave encrypted under the same key.
 */
@Controller()
export class ConversationEventsHandler {
  private readonly brain = new BotBrain();

  constructor(
    private readonly cipher: PersonalDataCipher,
    private readonly bots: TenantBots,
    private readonly playbooks: Playbooks,
    private readonly conversations: BotConversations,
    private readonly effects: TurnEffects,
    private readonly consentForms: ConsentForms,
    private readonly values: CollectedValues,
  ) {}

  @EventPattern(conversationStartedV2.topic)
  async onStarted(@Payload() event: EventEnvelope<ConversationStartedV2>, @Ctx() context: EventContext) {
    const { payload } = event;
    const { state, bot } = await this.load(event.tenantId, payload.conversationId, payload.visitorId, context);
    await this.conversations.save(context.manager, state, {
      locale: payload.locale,
      jurisdiction: payload.jurisdiction,
      pageUrl: payload.pageUrl,
      privacyNoticeVersion: payload.privacyNoticeVersion,
      privacyPolicyUrl: payload.privacyPolicyUrl,
    });
    await this.greetOnce(state, bot, payload.visitorId, context);
  }

  // The bot's own and agents' messages come back on this topic too: they cost no transaction here.
  @EventPattern(messagePostedV3.topic, handlesOnly<MessagePostedV3>((event) => event.payload.senderKind === 'visitor'))
  async onMessage(@Payload() event: EventEnvelope<MessagePostedV3>, @Ctx() context: EventContext) {
    const { payload } = event;
    // Who holds the conversation is what the message says, never the bot's own copy, which comes on another
    // topic and may still say a person holds it. A person holds it, or it closed: the bot stays silent.
    const status = payload.conversationStatus;
    if (payload.senderKind !== 'visitor' || !event.subjectId) return;
    if (status !== 'bot' && status !== 'waiting_for_human') return;
    const visitorId = event.subjectId;
    const text = await this.cipher.decrypt(
      messageTextScope(event.tenantId, visitorId, payload.messageId),
      payload.encryptedText,
    );
    // The visitor was erased before we got here: there is nobody left to answer.
    if (text === ERASED) return;
    const message = { messageId: payload.messageId, text, quickReplyId: payload.quickReplyId, guard: payload.guard };
    const bot = await this.bots.of(event.tenantId, context.manager);
    // Usually answered from the state this process last saved, in one conditional UPDATE that also takes the
    // row lock; if anyone wrote the row since, nothing was written and the state is read and locked first.
    const saved = this.conversations.lastSaved(event.tenantId, payload.conversationId);
    if (saved?.greetedAt && saved.revision && saved.visitorId === visitorId) {
      if (await this.answer(saved, bot, status, message, visitorId, context, saved.revision)) return;
    }
    const state = await this.conversations.lock(
      context.manager,
      event.tenantId,
      payload.conversationId,
      bot.personaName,
      visitorId,
    );
    // `started` travels on another topic and may not have arrived yet: the disclosure still comes first.
    await this.greetOnce(state, bot, visitorId, context);
    await this.answer(state, bot, status, message, visitorId, context);
  }

  @EventPattern(conversationStatusChangedV2.topic)
  async onStatusChanged(@Payload() event: EventEnvelope<ConversationStatusChangedV2>, @Ctx() context: EventContext) {
    const { state } = await this.load(event.tenantId, event.payload.conversationId, event.subjectId, context);
    await this.conversations.save(context.manager, state, { status: event.payload.status });
    // The conversation is over: what the visitor consented to nothing for goes now.
    if (event.payload.status === 'closed') await this.values.discardUncovered(context.manager, state.conversationId);
  }

  @EventPattern(handoffUnstaffedV1.topic)
  async onUnstaffed(@Payload() event: EventEnvelope<HandoffUnstaffedV1>, @Ctx() context: EventContext) {
    if (!event.subjectId) return;
    const { state, bot } = await this.load(event.tenantId, event.payload.conversationId, event.subjectId, context);
    if (state.status !== 'bot' || !state.turnState) return;
    const turn = this.brain.onUnstaffed(state.turnState, profileOf(bot, state), attributesOf(state), new Date());
    await this.play(turn, state, event.subjectId, null, context);
  }

  @EventPattern(handoffQueueTimedOutV1.topic)
  async onQueueTimedOut(@Payload() event: EventEnvelope<HandoffQueueTimedOutV1>, @Ctx() context: EventContext) {
    if (!event.subjectId) return;
    const { state, bot } = await this.load(event.tenantId, event.payload.conversationId, event.subjectId, context);
    // Only while the visitor still waits as far as the bot heard: a person may have joined, or they left.
    if (state.status !== 'waiting_for_human' || !state.turnState) return;
    const turn = this.brain.onQueueTimeout(state.turnState, profileOf(bot, state));
    await this.play(turn, state, event.subjectId, null, context);
  }

  private async greetOnce(state: BotConversation, bot: TenantBot, visitorId: string, context: EventContext) {
    if (state.greetedAt) return;
    // The conversation keeps the playbook version it started with, whatever is published later.
    const key = bot.activePlaybookKey;
    const version = key ? await this.playbooks.latestPublished(context.manager, state.tenantId, key) : null;
    await this.conversations.save(context.manager, state, {
      greetedAt: new Date(),
      playbookKey: version ? key : null,
      playbookVersion: version,
    });
    const playbook = await this.playbookOf(state, context);
    const turn = this.brain.greet(
      await this.profile(bot, state, playbook, context),
      state.locale,
      playbook,
      attributesOf(state),
      new Date(),
    );
    await this.play(turn, state, visitorId, null, context);
  }

  /** The visitor's message, answered from `state`; false when `unlessChangedSince` no longer holds. */
  private async answer(
    state: BotConversation,
    bot: TenantBot,
    status: 'bot' | 'waiting_for_human',
    message: VisitorMessage,
    visitorId: string,
    context: EventContext,
    unlessChangedSince?: string,
  ): Promise<boolean> {
    // Greeted before the bot kept a memory (an older release): start one now.
    const memory = state.turnState ?? this.brain.freshState(state.locale);
    const turn =
      status === 'waiting_for_human'
        ? this.brain.whileWaiting(memory, profileOf(bot, state), attributesOf(state), message, new Date())
        : await this.withBot(memory, bot, state, message, context);
    const changes = { visitorTurns: state.visitorTurns + 1 };
    return this.play(turn, state, visitorId, message.messageId, context, changes, unlessChangedSince);
  }

  /** The turn's state is saved, then its effects applied; nothing happens when the save did not apply. */
  private async play(
    turn: Turn,
    state: BotConversation,
    visitorId: string,
    inReplyTo: string | null,
    context: EventContext,
    changes: Partial<BotConversation> = {},
    unlessChangedSince?: string,
  ): Promise<boolean> {
    const saved = await this.conversations.save(
      context.manager,
      state,
      { ...changes, turnState: turn.state },
      unlessChangedSince,
    );
    if (!saved) return false;
    await this.effects.apply(
      turn.effects,
      { conversation: state, visitorId, inReplyTo, language: turn.state.language },
      context,
    );
    return true;
  }

  /** The conversation is the bot's: the playbook goes on. */
  private async withBot(
    memory: TurnState,
    bot: TenantBot,
    state: BotConversation,
    message: VisitorMessage,
    context: EventContext,
  ): Promise<Turn> {
    const playbook = await this.playbookOf(state, context);
    const profile = await this.profile(bot, state, playbook, context);
    return this.brain.onVisitorMessage(memory, profile, playbook, attributesOf(state), message, new Date());
  }

  private async load(tenantId: string, conversationId: string, visitorId: string | null, context: EventContext) {
    const bot = await this.bots.of(tenantId, context.manager);
    const state = await this.conversations.lock(context.manager, tenantId, conversationId, bot.personaName, visitorId);
    return { state, bot };
  }

  /** What the brain needs of the tenant; consent forms are read only for a playbook that asks for consent. */
  private async profile(
    bot: TenantBot,
    state: BotConversation,
    playbook: Playbook | null,
    context: EventContext,
  ): Promise<BotProfile> {
    const asksConsent = playbook && Object.values(playbook.nodes).some((node) => node.kind === 'consent');
    return profileOf(bot, state, asksConsent ? await this.consentForms.of(context.manager, state.tenantId) : undefined);
  }

  private playbookOf(state: BotConversation, context: EventContext): Promise<Playbook | null> | null {
    if (!state.playbookKey || !state.playbookVersion) return null;
    return this.playbooks.published(context.manager, state.tenantId, state.playbookKey, state.playbookVersion);
  }
}

function profileOf(bot: TenantBot, state: BotConversation, consentForms: ConsentFormTexts = new Map()): BotProfile {
  return {
    personaName: state.personaName,
    disclosure: bot.personaDisclosure,
    secureChannelUrl: bot.secureChannelUrl,
    meetingUrl: bot.meetingUrl,
    consentForms,
  };
}

function attributesOf(state: BotConversation): VisitorAttributes {
  return {
    jurisdiction: state.jurisdiction,
    pageUrl: state.pageUrl,
    privacyNotice: { version: state.privacyNoticeVersion, policyUrl: state.privacyPolicyUrl },
  };
}
