export type {
  BranchNode,
  BranchRule,
  BusinessHours,
  CollectNode,
  Condition,
  ConditionAttribute,
  ConsentNode,
  DataRequestNode,
  EndNode,
  FieldKind,
  HandoffNode,
  LocalisedText,
  MeetingNode,
  MessageNode,
  NodeKind,
  OpeningInterval,
  ParseResult,
  Playbook,
  PlaybookError,
  PlaybookIntent,
  PlaybookLanguage,
  PlaybookNode,
  PhrasesByLanguage,
  QuestionNode,
  QuestionOption,
  SecureChannelNode,
  Weekday,
} from './playbook.types';
export type {
  BotAction,
  QuickReply,
  RunOutcome,
  RunState,
  ShownForm,
  Step,
  VisitorContext,
  VisitorInput,
} from './runner.types';
export { PLAYBOOK_JSON_SCHEMA } from './playbook.schema';
export { REGENERATE_SCHEMA_COMMAND, renderPlaybookSchema } from './schema-document';
export { PLAYBOOK_LIMITS } from './playbook.limits';
export { parsePlaybook, validatePlaybook } from './parse-playbook';
export { advancePlaybook, isWaiting, repeatPrompt, startPlaybook } from './runner';
export { nodeEdges, type NodeEdge } from './node-edges';
export { playbookIntents } from './playbook-intents';
