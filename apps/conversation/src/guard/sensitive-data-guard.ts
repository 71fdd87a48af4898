import type { CollectedField, GuardVerdict } from '@candor/contracts';
import { type Finding, type SensitiveCategory, redact, scanMessage } from '@candor/privacy';
import type { GuardPolicy } from './guard-policy';

/** The text that replaces a blocked message: nothing of the original is kept. */
export const WITHHELD_TEXT = '[message withheld: it contained sensitive data]';

/** The identifier the bot just asked for is expected, not a slip: it passes whatever the policy says. */
const EXPECTED_CATEGORY: Partial<Record<CollectedField, SensitiveCategory>> = { email: 'email', phone: 'phone' };

export interface GuardedText {
  /** What may be stored and published. */
  text: string;
  verdict: GuardVerdict;
}

/**
 * Applies a tenant's policy to a visitor message before anything of it is stored or published:
 * one category set to block withholds the whole message, categories set to redact are cut out,
 * allowed ones stay. Only category names leave this function, never what was found.
 */
export function guardMessage(text: string, policy: GuardPolicy, expects: CollectedField | null): GuardedText {
  const expected = expects ? EXPECTED_CATEGORY[expects] : undefined;
  const findings = scanMessage(text).filter((finding) => finding.category !== expected);
  if (findings.length === 0) return { text, verdict: { outcome: 'clean', categories: [] } };
  const categories = [...new Set(findings.map((finding) => finding.category))].sort();
  if (categories.some((category) => policy[category] === 'block')) {
    return { text: WITHHELD_TEXT, verdict: { outcome: 'blocked', categories } };
  }
  const toRemove: Finding[] = findings.filter((finding) => policy[finding.category] === 'redact');
  if (toRemove.length === 0) return { text, verdict: { outcome: 'allowed', categories } };
  return { text: redact(text, toRemove), verdict: { outcome: 'redacted', categories } };
}
