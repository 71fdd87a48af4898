/** The playbook document as authored (JSON or YAML), after schema and graph validation. */
export type PlaybookLanguage = 'en' | 'de' | 'fr' | 'es';
export type FieldKind = 'email' | 'phone' | 'name' | 'text';

/** A plain string, or one translation per language (which must include the playbook's default language). */
export type LocalisedText = string | Partial<Record<PlaybookLanguage, string>>;
export type PhrasesByLanguage = Partial<Record<PlaybookLanguage, string[]>>;

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
/** [start, end) as "HH:MM" in the business-hours time zone; end may be "24:00". */
export type OpeningInterval = [string, string];

export interface BusinessHours {
  timezone: string;
  weekly: Partial<Record<Weekday, OpeningInterval[]>>;
}

export interface PlaybookIntent {
  name: string;
  phrases: PhrasesByLanguage;
}

export interface MessageNode {
  kind: 'message';
  text: LocalisedText;
  next: string;
}

export interface QuestionOption {
  id: string;
  label: LocalisedText;
  synonyms?: PhrasesByLanguage;
  next: string;
}

export interface QuestionNode {
  kind: 'question';
  text: LocalisedText;
  options: QuestionOption[];
  retryText?: LocalisedText;
  maxAttempts?: number;
  onNoMatch?: string;
}

export interface CollectNode {
  kind: 'collect';
  field: FieldKind;
  text: LocalisedText;
  retryText?: LocalisedText;
  maxAttempts?: number;
  next: string;
  onFail?: string;
}

export interface ConsentNode {
  kind: 'consent';
  formId: string;
  purpose: string;
  text: LocalisedText;
  grantLabel?: LocalisedText;
  declineLabel?: LocalisedText;
  retryText?: LocalisedText;
  maxAttempts?: number;
  onGranted: string;
  onDeclined: string;
  onNoMatch?: string;
}

export type ConditionAttribute = 'jurisdiction' | 'language' | 'pageUrl';

export type Condition =
  | { intent: string }
  | { answer: { node: string; equals: string } }
  | { attribute: ConditionAttribute; in: string[] }
  | { attribute: ConditionAttribute; startsWith: string }
  | { attribute: ConditionAttribute; contains: string }
  | { businessHours: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export interface BranchRule {
  when: Condition;
  next: string;
}

export interface BranchNode {
  kind: 'branch';
  rules: BranchRule[];
  otherwise: string;
}

export interface HandoffNode {
  kind: 'handoff';
  team?: string;
  skill?: string;
  text?: LocalisedText;
}

export interface MeetingNode {
  kind: 'meeting';
  text: LocalisedText;
  url: string;
  next?: string;
}

export interface SecureChannelNode {
  kind: 'secure_channel';
  text: LocalisedText;
  next?: string;
}

export interface DataRequestNode {
  kind: 'data_request';
  request: 'erasure' | 'access';
  text: LocalisedText;
  next?: string;
}

export interface EndNode {
  kind: 'end';
  text?: LocalisedText;
}

export type PlaybookNode =
  | MessageNode
  | QuestionNode
  | CollectNode
  | ConsentNode
  | BranchNode
  | HandoffNode
  | MeetingNode
  | SecureChannelNode
  | DataRequestNode
  | EndNode;

export type NodeKind = PlaybookNode['kind'];

export interface Playbook {
  schemaVersion: 1;
  name: string;
  defaultLanguage: PlaybookLanguage;
  start: string;
  businessHours?: BusinessHours;
  intents?: PlaybookIntent[];
  nodes: Record<string, PlaybookNode>;
}

export interface PlaybookError {
  /** JSON pointer into the document, e.g. '/nodes/ask_email/next' ('' is the whole document). */
  path: string;
  nodeId: string | null;
  code: string;
  message: string;
}

export type ParseResult = { ok: true; playbook: Playbook } | { ok: false; errors: PlaybookError[] };
