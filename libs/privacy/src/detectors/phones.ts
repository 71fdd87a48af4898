import type { Finding } from '../categories';
import { matchesOf } from '../text';
import { AMOUNT_AFTER, contextBefore } from './context';

const CANDIDATE = /(?<![\w+.,/:-])(?:\+|00)?\d(?:[ ()./-]{0,3}\d){8,14}(?![\w.,/:-]*\d)/g;
/** North American: (415) 555-0132, 415-555-0132, 1-800-555-0199; area code and exchange start 2–9. */
const NANP = /^(?:1[ .-]?)?\(?[2-9]\d\d\)?[ .-]?[2-9]\d\d[ .-]?\d{4}$/;
/** Spanish 9 digits starting 6–9, in the usual groups: 612 345 678, 612 34 56 78, 91 123 45 67. */
const SPANISH = /^[6-9](?:\d\d \d{3} \d{3}|\d\d \d\d \d\d \d\d|\d \d{3} \d\d \d\d)$/;
/** French pairs with dots or dashes: 06.12.34.56.78. */
const FRENCH_DOTTED = /^0[1-9](?:[.-]\d\d){4}$/;

/** Whether the digits have the shape of a phone number somewhere Candor's visitors live. */
function looksLikePhone(raw: string, digits: string, keyword: boolean): boolean {
  if (/^(?:\+|00)/.test(raw)) {
    const national = raw.startsWith('+') ? digits : digits.slice(2);
    if (national.startsWith('1')) return national.length === 11 && /^1[2-9]\d\d[2-9]/.test(national);
    return national.length >= 9 && national.length <= 13 && !national.startsWith('0');
  }
  if (NANP.test(raw) && (keyword || /[ ().-]/.test(raw))) return true;
  if (SPANISH.test(raw)) return true;
  // A trunk 0 then an area or mobile code (most of Europe); dots only in the French pairs.
  if (/^0[1-9]/.test(digits) && digits.length >= 9 && digits.length <= 12) {
    return !raw.includes('.') || FRENCH_DOTTED.test(raw);
  }
  // Written without groups: plausible only when the message says it is a phone number.
  return keyword && (/^[2-9]\d\d[2-9]\d{6}$/.test(digits) || /^[6-9]\d{8}$/.test(digits));
}

/**
 * Phone numbers: international (+ or 00), or national in a shape typical
 * for its country. A number introduced by an order, invoice, tracking or
 * other reference word is the business's, not the visitor's.
 */
export function findPhones(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of matchesOf(CANDIDATE, text)) {
    const raw = match[0];
    const digits = raw.replace(/\D/g, '');
    const end = match.index + raw.length;
    const context = contextBefore(text, match.index);
    const timestamp = /\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(text.slice(Math.max(0, match.index - 11), end + 9));
    if (
      context !== 'reference' &&
      context !== 'version' &&
      context !== 'card' &&
      !timestamp &&
      !AMOUNT_AFTER.test(text.slice(end, end + 10)) &&
      !/^0{3}|^(\d)\1+$/.test(digits) &&
      looksLikePhone(raw, digits, context === 'phone')
    ) {
      findings.push({ category: 'phone', start: match.index, end });
    }
  }
  return findings;
}
