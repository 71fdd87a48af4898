import { clockMinutes, isValidTimeZone } from './business-hours';
import { nodePointer } from './json-pointer';
import type { Condition, LocalisedText, Playbook, PlaybookError, PlaybookNode } from './playbook.types';

const LOCALISED_PROPERTIES = ['text', 'retryText', 'grantLabel', 'declineLabel'] as const;

function localisedTexts(node: PlaybookNode): { pointer: string; text: LocalisedText }[] {
  // Every node kind keeps its localised texts under these names (options aside); absent ones are skipped.
  const properties = node as Partial<Record<(typeof LOCALISED_PROPERTIES)[number], LocalisedText>>;
  const own = LOCALISED_PROPERTIES.flatMap((key) => {
    const text = properties[key];
    return text === undefined ? [] : [{ pointer: `/${key}`, text }];
  });
  const labels =
    node.kind === 'question'
      ? node.options.map((option, index) => ({ pointer: `/options/${index}/label`, text: option.label }))
      : [];
  return [...own, ...labels];
}

function missingDefaultTexts(playbook: Playbook): PlaybookError[] {
  const language = playbook.defaultLanguage;
  return Object.entries(playbook.nodes).flatMap(([id, node]) =>
    localisedTexts(node)
      .filter(({ text }) => typeof text !== 'string' && text[language] === undefined)
      .map(({ pointer }) => ({
        path: nodePointer(id, pointer),
        nodeId: id,
        code: 'missing_default_text',
        message: `has no text in the default language "${language}"`,
      })),
  );
}

function duplicateOptions(playbook: Playbook): PlaybookError[] {
  return Object.entries(playbook.nodes).flatMap(([id, node]) => {
    if (node.kind !== 'question') return [];
    const seen = new Set<string>();
    return node.options.flatMap((option, index) => {
      if (!seen.has(option.id)) {
        seen.add(option.id);
        return [];
      }
      return [
        {
          path: nodePointer(id, `/options/${index}/id`),
          nodeId: id,
          code: 'duplicate_option',
          message: `option id "${option.id}" is used more than once in this question`,
        },
      ];
    });
  });
}

function duplicateIntents(playbook: Playbook): PlaybookError[] {
  const seen = new Set<string>();
  return (playbook.intents ?? []).flatMap((intent, index) => {
    if (!seen.has(intent.name)) {
      seen.add(intent.name);
      return [];
    }
    return [
      {
        path: `/intents/${index}/name`,
        nodeId: null,
        code: 'duplicate_intent',
        message: `intent "${intent.name}" is defined more than once`,
      },
    ];
  });
}

function businessHoursErrors(playbook: Playbook): PlaybookError[] {
  const hours = playbook.businessHours;
  if (!hours) return [];
  const timezone: PlaybookError[] = isValidTimeZone(hours.timezone)
    ? []
    : [
        {
          path: '/businessHours/timezone',
          nodeId: null,
          code: 'invalid_timezone',
          message: 'must be an IANA time zone such as Europe/Berlin',
        },
      ];
  const intervals = Object.entries(hours.weekly).flatMap(([day, list]) =>
    (list ?? []).flatMap(([start, end], index) =>
      clockMinutes(start) < clockMinutes(end)
        ? []
        : [
            {
              path: `/businessHours/weekly/${day}/${index}`,
              nodeId: null,
              code: 'invalid_hours',
              message: `must end after it starts (${start}–${end}); split intervals that cross midnight`,
            },
          ],
    ),
  );
  return [...timezone, ...intervals];
}

/** Every condition in a tree, with its pointer. */
function flatten(condition: Condition, pointer: string): { condition: Condition; pointer: string }[] {
  if ('all' in condition) return condition.all.flatMap((inner, index) => flatten(inner, `${pointer}/all/${index}`));
  if ('any' in condition) return condition.any.flatMap((inner, index) => flatten(inner, `${pointer}/any/${index}`));
  if ('not' in condition) return flatten(condition.not, `${pointer}/not`);
  return [{ condition, pointer }];
}

function conditionError(
  playbook: Playbook,
  condition: Condition,
): { suffix: string; code: string; message: string } | null {
  if ('intent' in condition) {
    const defined = (playbook.intents ?? []).some((intent) => intent.name === condition.intent);
    return defined
      ? null
      : {
          suffix: '/intent',
          code: 'unknown_intent',
          message: `intent "${condition.intent}" is not defined in intents`,
        };
  }
  if ('businessHours' in condition) {
    return playbook.businessHours
      ? null
      : {
          suffix: '/businessHours',
          code: 'missing_business_hours',
          message: 'the playbook defines no businessHours to test',
        };
  }
  if ('answer' in condition) {
    const { node: nodeId, equals } = condition.answer;
    const node = Object.hasOwn(playbook.nodes, nodeId) ? playbook.nodes[nodeId] : undefined;
    if (node?.kind !== 'question') {
      return { suffix: '/answer/node', code: 'unknown_answer_ref', message: `"${nodeId}" is not a question node` };
    }
    return node.options.some((option) => option.id === equals)
      ? null
      : {
          suffix: '/answer/equals',
          code: 'unknown_answer_ref',
          message: `question "${nodeId}" has no option "${equals}"`,
        };
  }
  return null;
}

function conditionErrors(playbook: Playbook): PlaybookError[] {
  return Object.entries(playbook.nodes).flatMap(([id, node]) => {
    if (node.kind !== 'branch') return [];
    return node.rules.flatMap((rule, index) =>
      flatten(rule.when, `/rules/${index}/when`).flatMap(({ condition, pointer }) => {
        const error = conditionError(playbook, condition);
        return error
          ? [
              {
                path: nodePointer(id, `${pointer}${error.suffix}`),
                nodeId: id,
                code: error.code,
                message: error.message,
              },
            ]
          : [];
      }),
    );
  });
}

/** Cross references and values the schema cannot express. */
export function checkReferences(playbook: Playbook): PlaybookError[] {
  return [
    ...missingDefaultTexts(playbook),
    ...duplicateOptions(playbook),
    ...duplicateIntents(playbook),
    ...businessHoursErrors(playbook),
    ...conditionErrors(playbook),
  ];
}
