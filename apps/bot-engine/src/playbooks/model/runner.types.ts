import type { FieldKind, PlaybookLanguage } from './playbook.types';

export interface VisitorContext {
  language: PlaybookLanguage;
  /** Country code (or "EU") the engine derived for the visitor, if any. */
  jurisdiction: string | null;
  pageUrl: string | null;
  now: Date;
  /**
   * The published consent form a consent node shows instead of its own text, when the tenant has one:
   * the decision then records exactly which version and text the visitor answered.
   */
  consentForm?: (formId: string) => ShownForm | null;
}

export interface ShownForm {
  text: string;
  version: number;
  textHash: string;
}

export type VisitorInput =
  { kind: 'text'; text: string; intent: string | null } | { kind: 'quick_reply'; optionId: string };

export interface QuickReply {
  id: string;
  label: string;
}

export type BotAction =
  /** expects: the visitor's next message is this field, so the sensitive-data guard may let it through. */
  | { kind: 'say'; text: string; quickReplies: QuickReply[]; expects: FieldKind | null }
  /** A validated, normalised value. Personal data: the caller encrypts it; the run state never holds it. */
  | { kind: 'capture'; field: FieldKind; value: string }
  /** formVersion/formTextHash: the published form shown when the question was asked, or null for the node's own text. */
  | {
      kind: 'consent';
      formId: string;
      purpose: string;
      granted: boolean;
      formVersion: number | null;
      formTextHash: string | null;
    }
  | { kind: 'handoff'; team: string | null; skill: string | null }
  | { kind: 'meeting'; url: string }
  | { kind: 'secure_channel' }
  | { kind: 'data_request'; request: 'erasure' | 'access' }
  /** The visitor could not be understood and the node has no onNoMatch/onFail: the engine offers a human. */
  | { kind: 'fallback_exhausted' }
  | { kind: 'end' };

/** How a run finished: an end node or final action, a handoff node, or giving up on the visitor. */
export type RunOutcome = 'completed' | 'handoff' | 'fallback_exhausted';

/** Per-conversation progress. JSON-serialisable, small, and free of personal data (values are never kept). */
export interface RunState {
  version: 1;
  /** The node waiting for the visitor; null once the run is over. */
  nodeId: string | null;
  /** Unusable answers given at nodeId so far. */
  attempts: number;
  /** Chosen option id per question node. */
  answers: Record<string, string>;
  /** Names of the fields captured so far (the values went out in capture actions). */
  capturedFields: FieldKind[];
  /** Consent decision per consent node. */
  consents: Record<string, boolean>;
  /** The published form shown at each consent node still waiting for an answer (absent in older states). */
  shownForms?: Record<string, { version: number; textHash: string }>;
  ended: boolean;
  outcome: RunOutcome | null;
}

export interface Step {
  actions: BotAction[];
  state: RunState;
}
