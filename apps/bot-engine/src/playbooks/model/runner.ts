import { evaluateCondition } from './conditions';
import {
  DEFAULT_COLLECT_RETRY,
  DEFAULT_CONSENT_RETRY,
  DEFAULT_DECLINE_LABEL,
  DEFAULT_GRANT_LABEL,
  DEFAULT_QUESTION_RETRY,
} from './default-texts';
import { normaliseField } from './field-validation';
import { localise, translations } from './localise';
import type {
  BranchNode,
  CollectNode,
  ConsentNode,
  FieldKind,
  LocalisedText,
  Playbook,
  PlaybookNode,
  QuestionNode,
  QuestionOption,
} from './playbook.types';
import type { BotAction, QuickReply, RunOutcome, RunState, Step, VisitorContext, VisitorInput } from './runner.types';
import { normaliseForMatch, typedConsentAnswer } from './text-matching';

/** Validation rules out loops without input; this only stops a bad (unvalidated or stale) playbook from spinning. */
const MAX_STEPS_PER_TURN = 100;
const DEFAULT_MAX_ATTEMPTS = 2;

type WaitingNode = QuestionNode | CollectNode | ConsentNode;

/** One call of the runner: what it needs to read, and the actions it emits in order. */
interface Turn {
  playbook: Playbook;
  context: VisitorContext;
  intent: string | null;
  actions: BotAction[];
}

const INITIAL_STATE: RunState = {
  version: 1,
  nodeId: null,
  attempts: 0,
  answers: {},
  capturedFields: [],
  consents: {},
  ended: false,
  outcome: null,
};

function nodeAt(playbook: Playbook, id: string): PlaybookNode | undefined {
  return Object.hasOwn(playbook.nodes, id) ? playbook.nodes[id] : undefined;
}

function text(turn: Turn, value: LocalisedText): string {
  return localise(value, turn.context.language, turn.playbook.defaultLanguage);
}

function say(
  turn: Turn,
  value: LocalisedText,
  quickReplies: QuickReply[] = [],
  expects: FieldKind | null = null,
): void {
  turn.actions.push({ kind: 'say', text: text(turn, value), quickReplies, expects });
}

function quickReplies(turn: Turn, node: WaitingNode): QuickReply[] {
  if (node.kind === 'question')
    return node.options.map((option) => ({ id: option.id, label: text(turn, option.label) }));
  if (node.kind === 'consent') {
    return [
      { id: 'grant', label: text(turn, node.grantLabel ?? DEFAULT_GRANT_LABEL) },
      { id: 'decline', label: text(turn, node.declineLabel ?? DEFAULT_DECLINE_LABEL) },
    ];
  }
  return [];
}

function ask(turn: Turn, node: WaitingNode, value: LocalisedText): void {
  say(turn, value, quickReplies(turn, node), node.kind === 'collect' ? node.field : null);
}

/** Forgets the form shown at a consent node (answered, or asked again with its own text). */
function withoutShownForm(state: RunState, id: string): RunState {
  if (!state.shownForms || !(id in state.shownForms)) return state;
  const shownForms = Object.fromEntries(Object.entries(state.shownForms).filter(([node]) => node !== id));
  return { ...state, shownForms };
}

function finish(state: RunState, outcome: RunOutcome): RunState {
  return { ...state, nodeId: null, attempts: 0, ended: true, outcome };
}

function giveUp(turn: Turn, state: RunState): RunState {
  turn.actions.push({ kind: 'fallback_exhausted' });
  return finish(state, 'fallback_exhausted');
}

function chooseBranch(turn: Turn, state: RunState, node: BranchNode): string {
  const { context } = turn;
  const scope = {
    attributes: { jurisdiction: context.jurisdiction, language: context.language, pageUrl: context.pageUrl },
    intent: turn.intent,
    answers: state.answers,
    businessHours: turn.playbook.businessHours,
    now: context.now,
  };
  return node.rules.find((rule) => evaluateCondition(rule.when, scope))?.next ?? node.otherwise;
}

/** An action node: its text, its action, then next, or the end of the run. */
function act(turn: Turn, state: RunState, value: LocalisedText, action: BotAction, next: string | undefined) {
  say(turn, value);
  turn.actions.push(action);
  if (next !== undefined) return next;
  turn.actions.push({ kind: 'end' });
  return finish(state, 'completed');
}

/** Emits what a node says and does; returns the node to continue at, or the state to stop in. */
function visit(turn: Turn, state: RunState, id: string, node: PlaybookNode): string | RunState {
  switch (node.kind) {
    case 'message':
      say(turn, node.text);
      return node.next;
    case 'branch':
      return chooseBranch(turn, state, node);
    case 'question':
    case 'collect':
      ask(turn, node, node.text);
      return { ...state, nodeId: id, attempts: 0 };
    case 'consent': {
      const form = turn.context.consentForm?.(node.formId) ?? null;
      ask(turn, node, form ? form.text : node.text);
      const waiting = { ...state, nodeId: id, attempts: 0 };
      return form
        ? { ...waiting, shownForms: { ...state.shownForms, [id]: { version: form.version, textHash: form.textHash } } }
        : withoutShownForm(waiting, id);
    }
    case 'handoff':
      if (node.text !== undefined) say(turn, node.text);
      turn.actions.push({ kind: 'handoff', team: node.team ?? null, skill: node.skill ?? null });
      return finish(state, 'handoff');
    case 'end':
      if (node.text !== undefined) say(turn, node.text);
      turn.actions.push({ kind: 'end' });
      return finish(state, 'completed');
    case 'meeting':
      return act(turn, state, node.text, { kind: 'meeting', url: node.url }, node.next);
    case 'secure_channel':
      return act(turn, state, node.text, { kind: 'secure_channel' }, node.next);
    case 'data_request':
      return act(turn, state, node.text, { kind: 'data_request', request: node.request }, node.next);
  }
}

/** Runs from a node through nodes that do not wait, until one waits for the visitor or the run ends. */
function runFrom(turn: Turn, state: RunState, start: string): Step {
  let current = start;
  for (let step = 0; step < MAX_STEPS_PER_TURN; step++) {
    const node = nodeAt(turn.playbook, current);
    if (!node) break;
    const result = visit(turn, state, current, node);
    if (typeof result !== 'string') return { actions: turn.actions, state: result };
    current = result;
  }
  return { actions: turn.actions, state: giveUp(turn, state) };
}

function matchOption(node: QuestionNode, input: VisitorInput): QuestionOption | undefined {
  if (input.kind === 'quick_reply') return node.options.find((option) => option.id === input.optionId);
  const typed = normaliseForMatch(input.text);
  if (typed === '') return undefined;
  return node.options.find((option) =>
    [...translations(option.label), ...Object.values(option.synonyms ?? {}).flatMap((words) => words ?? [])].some(
      (candidate) => normaliseForMatch(candidate) === typed,
    ),
  );
}

function consentDecision(node: ConsentNode, input: VisitorInput): boolean | null {
  if (input.kind === 'quick_reply')
    return input.optionId === 'grant' ? true : input.optionId === 'decline' ? false : null;
  const typed = normaliseForMatch(input.text);
  const isLabel = (label: LocalisedText) =>
    translations(label).some((candidate) => normaliseForMatch(candidate) === typed);
  if (isLabel(node.grantLabel ?? DEFAULT_GRANT_LABEL)) return true;
  if (isLabel(node.declineLabel ?? DEFAULT_DECLINE_LABEL)) return false;
  return typedConsentAnswer(input.text);
}

function retryText(node: WaitingNode): LocalisedText {
  if (node.retryText !== undefined) return node.retryText;
  if (node.kind === 'question') return DEFAULT_QUESTION_RETRY;
  return node.kind === 'consent' ? DEFAULT_CONSENT_RETRY : DEFAULT_COLLECT_RETRY[node.field];
}

/** An unusable answer: ask again, or after maxAttempts follow onNoMatch/onFail, or give up. */
function retry(turn: Turn, state: RunState, node: WaitingNode): Step {
  const attempts = state.attempts + 1;
  if (attempts < (node.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)) {
    ask(turn, node, retryText(node));
    return { actions: turn.actions, state: { ...state, attempts } };
  }
  const fallback = node.kind === 'collect' ? node.onFail : node.onNoMatch;
  if (fallback !== undefined) return runFrom(turn, { ...state, attempts: 0 }, fallback);
  return { actions: turn.actions, state: giveUp(turn, state) };
}

function answer(turn: Turn, state: RunState, id: string, node: WaitingNode, input: VisitorInput): Step {
  if (node.kind === 'question') {
    const option = matchOption(node, input);
    if (!option) return retry(turn, state, node);
    return runFrom(turn, { ...state, answers: { ...state.answers, [id]: option.id } }, option.next);
  }
  if (node.kind === 'collect') {
    const value = input.kind === 'text' ? normaliseField(node.field, input.text) : null;
    if (value === null) return retry(turn, state, node);
    turn.actions.push({ kind: 'capture', field: node.field, value });
    const capturedFields = state.capturedFields.includes(node.field)
      ? state.capturedFields
      : [...state.capturedFields, node.field];
    return runFrom(turn, { ...state, capturedFields }, node.next);
  }
  const granted = consentDecision(node, input);
  if (granted === null) return retry(turn, state, node);
  const shown = state.shownForms?.[id];
  turn.actions.push({
    kind: 'consent',
    formId: node.formId,
    purpose: node.purpose,
    granted,
    formVersion: shown?.version ?? null,
    formTextHash: shown?.textHash ?? null,
  });
  return runFrom(
    turn,
    withoutShownForm({ ...state, consents: { ...state.consents, [id]: granted } }, id),
    granted ? node.onGranted : node.onDeclined,
  );
}

export function startPlaybook(playbook: Playbook, context: VisitorContext): Step {
  return runFrom({ playbook, context, intent: null, actions: [] }, INITIAL_STATE, playbook.start);
}

/** Feeds one visitor input; runs through message/branch nodes until a node waits for input or the playbook ends. */
export function advancePlaybook(
  playbook: Playbook,
  state: RunState,
  input: VisitorInput,
  context: VisitorContext,
): Step {
  if (!isWaiting(state) || state.nodeId === null) return { actions: [], state };
  const turn: Turn = { playbook, context, intent: input.kind === 'text' ? input.intent : null, actions: [] };
  const node = nodeAt(playbook, state.nodeId);
  // The playbook may have changed under a running conversation; a state that no longer fits cannot continue.
  if (node?.kind !== 'question' && node?.kind !== 'collect' && node?.kind !== 'consent') {
    return { actions: turn.actions, state: giveUp(turn, state) };
  }
  return answer(turn, state, state.nodeId, node, input);
}

/**
 * Asks the question the run waits at again, as first asked (a consent form in its current text), keeping the
 * attempts used: for a message that could not count as an answer, such as one the guard removed data from.
 */
export function repeatPrompt(playbook: Playbook, state: RunState, context: VisitorContext): Step {
  const node = isWaiting(state) && state.nodeId !== null ? nodeAt(playbook, state.nodeId) : undefined;
  if (node?.kind !== 'question' && node?.kind !== 'collect' && node?.kind !== 'consent') return { actions: [], state };
  const turn: Turn = { playbook, context, intent: null, actions: [] };
  const asked = visit(turn, state, state.nodeId!, node) as RunState;
  return { actions: turn.actions, state: { ...asked, attempts: state.attempts } };
}

/** False once the run has ended (completed, handed off or given up). */
export function isWaiting(state: RunState): boolean {
  return !state.ended && state.nodeId !== null;
}
