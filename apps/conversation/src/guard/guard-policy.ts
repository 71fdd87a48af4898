import { SENSITIVE_CATEGORIES, type SensitiveCategory } from '@candor/privacy';

export const GUARD_ACTIONS = ['allow', 'redact', 'block'] as const;
export type GuardAction = (typeof GUARD_ACTIONS)[number];

/** What a tenant does with each category of sensitive data found in a visitor message. */
export type GuardPolicy = Record<SensitiveCategory, GuardAction>;

/**
 * Safe by default: everything found is removed before storage, emails and phone numbers included, which
 * are sensitive when nobody asked for them. The one the bot just asked for passes whatever the policy
 * says (see guardMessage). A tenant overrides categories one by one; a category added later gets its default.
 */
export const DEFAULT_GUARD_ACTION: GuardPolicy = Object.fromEntries(
  SENSITIVE_CATEGORIES.map((category) => [category, 'redact']),
) as GuardPolicy;

export function effectivePolicy(overrides: Partial<Record<string, GuardAction>>): GuardPolicy {
  const policy = { ...DEFAULT_GUARD_ACTION };
  for (const category of SENSITIVE_CATEGORIES) {
    const action = overrides[category];
    if (action) policy[category] = action;
  }
  return policy;
}
