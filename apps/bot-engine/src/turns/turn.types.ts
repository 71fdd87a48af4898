import type { CollectedField, DataRequestKind, GuardVerdict, HandoffReason, QuickReply } from '@candor/contracts';
import type { ConsentFormTexts } from '../consent/consent-forms';
import type { RunState } from '../playbooks/model';
import type { BotLanguage } from './bot-language';

/** What the bot knows of a tenant when it answers. */
export interface BotProfile {
  personaName: string;
  /** The tenant's own disclosure sentence per language (validated to say it is automated). */
  disclosure: Partial<Record<BotLanguage, string>>;
  secureChannelUrl: string | null;
  meetingUrl: string | null;
  /** The tenant's published consent forms: a consent node shows the current one. */
  consentForms: ConsentFormTexts;
}

/** What the bot knows of a visitor: no personal data, only the attributes playbooks branch on. */
export interface VisitorAttributes {
  jurisdiction: string | null;
  pageUrl: string | null;
  /** The tenant's notice the visitor was shown (null until the conversation's start has reached the bot). */
  privacyNotice: PrivacyNoticeShown;
}

/** Written by the tenant, versioned by the conversation service: the bot repeats it, never adds to it. */
export interface PrivacyNoticeShown {
  version: string | null;
  policyUrl: string | null;
}

/** The bot's memory of one conversation between turns (stored as JSON; never personal data). */
export interface TurnState {
  language: BotLanguage;
  /** True when the widget told us the language; otherwise the bot follows the language the visitor writes in. */
  languageFixed: boolean;
  /** The tenant's playbook run, or null when the tenant has none. */
  run: RunState | null;
  /** The built-in leave-a-message run, which takes precedence while it lasts. */
  detour: RunState | null;
  /** Messages in a row the bot could not place: first it asks to rephrase, then it offers a person. */
  misunderstood: number;
  /** The visitor waiting for a person was told so: other messages in the queue get no answer. */
  queueNoticed: boolean;
}

export interface VisitorMessage {
  messageId: string;
  text: string;
  quickReplyId: string | null;
  guard: GuardVerdict | null;
}

/** What a turn makes happen; the handler turns each into an encrypted reply, a stored value or an event. */
export type Effect =
  | { kind: 'reply'; text: string; quickReplies: QuickReply[]; expects: CollectedField | null }
  /** keptFor: a purpose of its own (leave-a-message); null: the consents granted in the conversation (recorded or pending). */
  | { kind: 'capture'; field: CollectedField; value: string; keptFor: string | null }
  /** Withdraw every consent the visitor granted in this conversation ("stop"). */
  | { kind: 'withdraw_all' }
  | {
      kind: 'consent';
      formId: string;
      purpose: string;
      granted: boolean;
      formVersion: number | null;
      formTextHash: string | null;
    }
  | { kind: 'handoff'; team: string | null; skill: string | null; reason: HandoffReason }
  /** The visitor waiting for a person no longer wants to: the conversation goes back to the bot. */
  | { kind: 'leave_queue' }
  | { kind: 'data_request'; request: DataRequestKind };

export interface Turn {
  effects: Effect[];
  state: TurnState;
}
