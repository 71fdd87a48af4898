import { PLAYBOOK_LIMITS as L } from './playbook.limits';

/*
 * JSON Schema (draft-07) of a playbook. It checks the shape; graph rules (edges point at existing nodes, every node
 * is reachable and can reach an end, no loops without a question) and cross references are checked afterwards in
 * code. Node and condition variants are picked with if/then on their discriminating key, so a mistake is reported
 * against the variant the author meant instead of every alternative.
 */

export const SLUG_PATTERN = '^[a-z][a-z0-9_-]{0,62}$';
export const CLOCK_PATTERN = '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$';
export const HTTPS_PATTERN = '^https://[^\\s]+$';

const LANGUAGES = ['en', 'de', 'fr', 'es'];
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const NODE_KINDS = [
  'message',
  'question',
  'collect',
  'consent',
  'branch',
  'handoff',
  'meeting',
  'secure_channel',
  'data_request',
  'end',
];
const CONDITION_KEYS = ['intent', 'answer', 'attribute', 'businessHours', 'all', 'any', 'not'];

const ref = (name: string) => ({ $ref: `#/definitions/${name}` });

function perLanguage(value: object) {
  return Object.fromEntries(LANGUAGES.map((language) => [language, value]));
}

function localised(maxLength: number, description: string) {
  return {
    description: `${description} A string, or a map from language (en, de, fr, es) to text that must include the playbook's defaultLanguage. At most ${maxLength} characters.`,
    type: ['string', 'object'],
    minLength: 1,
    maxLength,
    minProperties: 1,
    properties: perLanguage({ type: 'string', minLength: 1, maxLength }),
    additionalProperties: false,
  };
}

function phrases(maxItems: number, maxLength: number, description: string) {
  return {
    description,
    type: 'object',
    properties: perLanguage({
      type: 'array',
      maxItems,
      items: { type: 'string', minLength: 1, maxLength },
    }),
    additionalProperties: false,
  };
}

function nodeSchema(kind: string, description: string, properties: Record<string, object>, required: string[]) {
  return {
    description,
    type: 'object',
    required: ['kind', ...required],
    properties: { kind: { const: kind }, ...properties },
    additionalProperties: false,
  };
}

function conditionSchema(description: string, properties: Record<string, object>, required: string[]) {
  return { description, type: 'object', required, properties, additionalProperties: false };
}

const maxAttempts = {
  description: `How many unusable answers the visitor may give before the node gives up (default 2).`,
  type: 'integer',
  minimum: 1,
  maximum: L.maxAttempts,
};

export const PLAYBOOK_JSON_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://candor.dev/schemas/playbook.v1.json',
  title: 'Candor playbook',
  description:
    'A decision tree the bot runs in a website chat: it greets, asks, collects lead data, asks for consent and hands over to a human. ' +
    `Authored as JSON or YAML (at most ${L.sourceBytes / 1024} KiB, nesting depth ${L.depth}; YAML aliases are rejected). ` +
    'Ids (nodes, options, intents, formId, purpose, team, skill) are slugs. Unknown properties are rejected. ' +
    'Besides this schema, the validator requires: every edge (next, onNoMatch, onFail, onGranted, onDeclined, otherwise) names an existing node; ' +
    'every node is reachable from start and can reach an end, a handoff, or a meeting/secure_channel/data_request node without next; ' +
    'no loop consists only of nodes that do not wait for the visitor; option ids are unique per question; ' +
    'branch conditions only reference defined intents, question nodes and their options, and businessHours only if the playbook defines them.',
  type: 'object',
  required: ['schemaVersion', 'name', 'defaultLanguage', 'start', 'nodes'],
  properties: {
    schemaVersion: { description: 'Version of this format.', const: 1 },
    name: { description: 'Human title of the playbook.', type: 'string', minLength: 1, maxLength: L.nameLength },
    defaultLanguage: {
      ...ref('language'),
      description: 'Texts fall back to this language when the visitor language has no translation.',
    },
    start: { ...ref('nodeRef'), description: 'Id of the node the conversation starts at.' },
    businessHours: ref('businessHours'),
    intents: {
      description: `Tenant intents that branch conditions may test, with example phrases for the intent matcher (at most ${L.intents}).`,
      type: 'array',
      maxItems: L.intents,
      items: ref('intent'),
    },
    nodes: {
      description: `The nodes by id (at most ${L.nodes}).`,
      type: 'object',
      minProperties: 1,
      maxProperties: L.nodes,
      propertyNames: ref('slug'),
      additionalProperties: ref('node'),
    },
  },
  additionalProperties: false,
  definitions: {
    slug: {
      description: 'An identifier: a lowercase letter, then up to 62 lowercase letters, digits, "_" or "-".',
      type: 'string',
      pattern: SLUG_PATTERN,
    },
    nodeRef: { description: 'Id of a node in `nodes`.', type: 'string', pattern: SLUG_PATTERN },
    language: { description: 'A supported language.', type: 'string', enum: LANGUAGES },
    text: localised(L.textLength, 'Text the bot says.'),
    label: localised(L.labelLength, 'Label of a quick-reply button.'),
    maxAttempts,
    clock: {
      description: 'A time of day, "HH:MM" (24 h; "24:00" only as an end).',
      type: 'string',
      pattern: CLOCK_PATTERN,
    },
    businessHours: {
      description: 'Weekly opening hours, used by businessHours branch conditions.',
      type: 'object',
      required: ['timezone', 'weekly'],
      properties: {
        timezone: {
          description: 'IANA time zone, e.g. Europe/Berlin.',
          type: 'string',
          minLength: 1,
          maxLength: L.timezoneLength,
        },
        weekly: {
          description: `Opening intervals per weekday (mon..sun); a missing day is closed. Each interval is [start, end) with start before end, so an overnight shift is split at midnight. At most ${L.intervalsPerDay} per day.`,
          type: 'object',
          properties: Object.fromEntries(
            WEEKDAYS.map((day) => [
              day,
              {
                type: 'array',
                maxItems: L.intervalsPerDay,
                items: { type: 'array', minItems: 2, maxItems: 2, items: ref('clock') },
              },
            ]),
          ),
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    },
    intent: {
      description: 'A tenant intent.',
      type: 'object',
      required: ['name', 'phrases'],
      properties: {
        name: ref('slug'),
        phrases: phrases(
          L.phrasesPerLanguage,
          L.phraseLength,
          `Example phrases per language (at most ${L.phrasesPerLanguage} of ${L.phraseLength} characters each).`,
        ),
      },
      additionalProperties: false,
    },
    option: {
      description: 'A quick reply of a question.',
      type: 'object',
      required: ['id', 'label', 'next'],
      properties: {
        id: {
          ...ref('slug'),
          description: 'Unique within the question; a branch answer condition compares against it.',
        },
        label: ref('label'),
        synonyms: phrases(
          L.synonymsPerLanguage,
          L.synonymLength,
          `Typed words that also choose this option, per language (at most ${L.synonymsPerLanguage} of ${L.synonymLength} characters each). Matching ignores case, accents and punctuation, and accepts every language.`,
        ),
        next: ref('nodeRef'),
      },
      additionalProperties: false,
    },
    node: {
      description: 'A node; `kind` selects its variant.',
      type: 'object',
      required: ['kind'],
      properties: { kind: { type: 'string', enum: NODE_KINDS } },
      allOf: NODE_KINDS.map((kind) => ({
        if: { required: ['kind'], properties: { kind: { const: kind } } },
        then: ref(`${kind}Node`),
      })),
    },
    messageNode: nodeSchema(
      'message',
      'Says a text and moves on to next without waiting.',
      { text: ref('text'), next: ref('nodeRef') },
      ['text', 'next'],
    ),
    questionNode: nodeSchema(
      'question',
      'Asks with quick replies and waits. A typed answer matches an option when it equals its label (any language) or a synonym, ignoring case, accents and punctuation. An unusable answer repeats retryText with the quick replies, up to maxAttempts; then onNoMatch, or without it the bot offers a human.',
      {
        text: ref('text'),
        options: {
          description: `The choices (at most ${L.options}).`,
          type: 'array',
          minItems: 1,
          maxItems: L.options,
          items: ref('option'),
        },
        retryText: ref('text'),
        maxAttempts: ref('maxAttempts'),
        onNoMatch: ref('nodeRef'),
      },
      ['text', 'options'],
    ),
    collectNode: nodeSchema(
      'collect',
      'Asks for one field and waits. email: address syntax, domain lowercased; phone: 7-15 digits with optional leading + and spaces, dashes, dots or parentheses, stored as + and digits (or digits only when national); name: 1-80 letters, spaces, hyphens, apostrophes; text: 1-1000 characters. An invalid answer repeats retryText up to maxAttempts, then onFail, or without it the bot offers a human. The value is emitted for encrypted storage and never kept in the run state.',
      {
        field: { type: 'string', enum: ['email', 'phone', 'name', 'text'] },
        text: ref('text'),
        retryText: ref('text'),
        maxAttempts: ref('maxAttempts'),
        next: ref('nodeRef'),
        onFail: ref('nodeRef'),
      },
      ['field', 'text', 'next'],
    ),
    consentNode: nodeSchema(
      'consent',
      'Asks for consent with grant/decline quick replies (typed yes/no words in en, de, fr, es also count) and records the decision. An unclear answer repeats retryText up to maxAttempts, then onNoMatch, or without it the bot offers a human; no decision is recorded then.',
      {
        formId: { ...ref('slug'), description: 'The consent form in the consent ledger.' },
        purpose: { ...ref('slug'), description: 'The processing purpose consented to.' },
        text: ref('text'),
        grantLabel: ref('label'),
        declineLabel: ref('label'),
        retryText: ref('text'),
        maxAttempts: ref('maxAttempts'),
        onGranted: ref('nodeRef'),
        onDeclined: ref('nodeRef'),
        onNoMatch: ref('nodeRef'),
      },
      ['formId', 'purpose', 'text', 'onGranted', 'onDeclined'],
    ),
    branchNode: nodeSchema(
      'branch',
      'Follows the first rule whose condition holds, else otherwise. Does not wait and says nothing.',
      {
        rules: {
          description: `At most ${L.rules} rules.`,
          type: 'array',
          maxItems: L.rules,
          items: {
            type: 'object',
            required: ['when', 'next'],
            properties: { when: ref('condition'), next: ref('nodeRef') },
            additionalProperties: false,
          },
        },
        otherwise: ref('nodeRef'),
      },
      ['rules', 'otherwise'],
    ),
    handoffNode: nodeSchema(
      'handoff',
      'Says text (if any) and hands the conversation to a human, optionally routed to a team and skill. Ends the playbook.',
      { team: ref('slug'), skill: ref('slug'), text: ref('text') },
      [],
    ),
    meetingNode: nodeSchema(
      'meeting',
      'Says text and offers a meeting booking link, then continues to next or ends.',
      {
        text: ref('text'),
        url: {
          description: 'Booking page; https only.',
          type: 'string',
          format: 'uri',
          maxLength: L.urlLength,
          pattern: HTTPS_PATTERN,
        },
        next: ref('nodeRef'),
      },
      ['text', 'url'],
    ),
    secure_channelNode: nodeSchema(
      'secure_channel',
      "Says text and points the visitor to the tenant's secure portal (the engine supplies the link), then continues to next or ends.",
      { text: ref('text'), next: ref('nodeRef') },
      ['text'],
    ),
    data_requestNode: nodeSchema(
      'data_request',
      'Says text and starts a data-subject request (erasure or access), then continues to next or ends.',
      { request: { type: 'string', enum: ['erasure', 'access'] }, text: ref('text'), next: ref('nodeRef') },
      ['request', 'text'],
    ),
    endNode: nodeSchema('end', 'Says text (if any) and ends the playbook.', { text: ref('text') }, []),
    condition: {
      description: `Exactly one of: intent, answer, attribute, businessHours, all, any, not. Combinators hold at most ${L.combinatorItems} conditions.`,
      type: 'object',
      oneOf: CONDITION_KEYS.map((key) => ({ required: [key] })),
      allOf: CONDITION_KEYS.map((key) => ({ if: { required: [key] }, then: ref(`${key}Condition`) })),
    },
    intentCondition: conditionSchema(
      'Holds when the intent matcher found this intent (defined in `intents`) in the visitor message of the current turn.',
      { intent: ref('slug') },
      ['intent'],
    ),
    answerCondition: conditionSchema(
      'Holds when the visitor chose this option at this question node.',
      {
        answer: {
          type: 'object',
          required: ['node', 'equals'],
          properties: { node: ref('nodeRef'), equals: ref('slug') },
          additionalProperties: false,
        },
      },
      ['answer'],
    ),
    attributeCondition: {
      ...conditionSchema(
        'Tests a visitor attribute with exactly one of in, startsWith, contains (case-insensitive; no regular expressions). jurisdiction is a country code, and "EU" in a list also matches EU member states. An unknown attribute never matches.',
        {
          attribute: { type: 'string', enum: ['jurisdiction', 'language', 'pageUrl'] },
          in: {
            type: 'array',
            minItems: 1,
            maxItems: L.listValues,
            items: { type: 'string', minLength: 1, maxLength: L.listValueLength },
          },
          startsWith: { type: 'string', minLength: 1, maxLength: L.matchLength },
          contains: { type: 'string', minLength: 1, maxLength: L.matchLength },
        },
        ['attribute'],
      ),
      oneOf: [{ required: ['in'] }, { required: ['startsWith'] }, { required: ['contains'] }],
    },
    businessHoursCondition: conditionSchema(
      'true holds during the playbook businessHours, false outside them.',
      { businessHours: { type: 'boolean' } },
      ['businessHours'],
    ),
    allCondition: conditionSchema(
      'Holds when every condition holds.',
      { all: { type: 'array', minItems: 1, maxItems: L.combinatorItems, items: ref('condition') } },
      ['all'],
    ),
    anyCondition: conditionSchema(
      'Holds when at least one condition holds.',
      { any: { type: 'array', minItems: 1, maxItems: L.combinatorItems, items: ref('condition') } },
      ['any'],
    ),
    notCondition: conditionSchema('Holds when the condition does not.', { not: ref('condition') }, ['not']),
  },
} as const;
