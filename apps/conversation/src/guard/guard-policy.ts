import { SENSITIVE_CATEGORIES, type SensitiveCategory } from '@candor/privacy';

export const GUARD_ACTIONS = ['allow', 'redact', 'block'] as const;
export type GuardAction = (typeof GUARD_ACTIONS)[number];

/** What a tenant does with each category of sensitive data found in a visitor message. */
export type GuardPolicy = Record<SensitiveCategory, GuardAction>;

/**
 * Safe by default: everything found is removed before storage, except an email or a phone number,
 * which visitors give to be contacted (a lead) and which stays encrypted under their key.
 * A tenant overrides categories one by one; a category added later gets its default.
 */
export const DEFAULT_GUARD_ACTION: Record<SensitiveCategory, GuardAction> = Object.fromEntries(
  SENSITIVE_CATEGORIES.map((category) => [category, category === 'email' || category === 'phone' ? 'allow' : 'redact']),
) as GuardPolicy;

export function effectivePolicy(overrides: Partial<Record<string, GuardAction>>): GuardPolicy {
  const policy = { ...DEFAULT_GUARD_ACTION };
  for (const category of SENSITIVE_CATEGORIES) {
    const action = overrides[category];
    if (action) policy[category] = action;
  }
  return policy;
}
