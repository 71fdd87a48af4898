import { isWithinBusinessHours } from './business-hours';
import type { BusinessHours, Condition, ConditionAttribute } from './playbook.types';

/** What a branch condition may look at during one turn. */
export interface ConditionScope {
  attributes: Record<ConditionAttribute, string | null>;
  /** The intent the engine's matcher found in the visitor message of this turn. */
  intent: string | null;
  /** Option id chosen per question node so far. */
  answers: Record<string, string>;
  businessHours: BusinessHours | undefined;
  now: Date;
}

// "EU" in a jurisdiction list stands for its member states, so tenants need not list all 27.
const EU_MEMBER_STATES = new Set(
  'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
);

function inList(attribute: ConditionAttribute, value: string, list: string[]): boolean {
  const wanted = new Set(list.map((item) => item.toLowerCase()));
  if (wanted.has(value.toLowerCase())) return true;
  return attribute === 'jurisdiction' && wanted.has('eu') && EU_MEMBER_STATES.has(value.toUpperCase());
}

export function evaluateCondition(condition: Condition, scope: ConditionScope): boolean {
  if ('intent' in condition) return scope.intent === condition.intent;
  if ('answer' in condition) return scope.answers[condition.answer.node] === condition.answer.equals;
  if ('businessHours' in condition) {
    // Validation guarantees businessHours exist when a condition uses them.
    const open = scope.businessHours !== undefined && isWithinBusinessHours(scope.businessHours, scope.now);
    return open === condition.businessHours;
  }
  if ('all' in condition) return condition.all.every((inner) => evaluateCondition(inner, scope));
  if ('any' in condition) return condition.any.some((inner) => evaluateCondition(inner, scope));
  if ('not' in condition) return !evaluateCondition(condition.not, scope);
  const value = scope.attributes[condition.attribute];
  if (value === null) return false;
  if ('in' in condition) return inList(condition.attribute, value, condition.in);
  if ('startsWith' in condition) return value.toLowerCase().startsWith(condition.startsWith.toLowerCase());
  return value.toLowerCase().includes(condition.contains.toLowerCase());
}
