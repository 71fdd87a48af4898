import { isIPv6 } from 'node:net';
import type { Finding } from '../categories';
import { matchesOf } from '../text';
import { contextBefore } from './context';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
/** Four octets without leading zeros, not glued to a word ("v1.2.3.4") nor followed by more dotted parts. */
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?![\\d.]*\\d|\\w|-\\w)`, 'g');
const IPV6 = /(?<![\w:])[0-9a-f]{1,4}(?::{1,2}[0-9a-f]{1,4}){2,7}(?:::)?(?![\w:])/gi;
/** Money around it: "€1.200.100", "1.200.100,50". */
const AMOUNT = /[€$£]\s?$|^,\d|^\s?(?:€|eur|euros?|usd|chf)(?![\p{L}])/iu;

/**
 * IPv4 and IPv6 addresses. Version numbers ("Chrome 124.0.1.2", "build
 * 4.12.0.3"), section numbers ("Kapitel 2.1.3.4") and amounts have the same
 * shape: the word before or the text around tells them apart.
 */
export function findIps(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of matchesOf(IPV4, text)) {
    const end = match.index + match[0].length;
    const context = contextBefore(text, match.index);
    // "2.4.1.3 Scope of services": outline numbering at the start of a line.
    const outline =
      /^\s*$/.test(text.slice(text.lastIndexOf('\n', match.index) + 1, match.index)) &&
      /^ \p{Lu}/u.test(text.slice(end, end + 2)) &&
      match[0].split('.').every((part) => Number(part) < 30);
    if (
      context !== 'version' &&
      context !== 'reference' &&
      !outline &&
      !AMOUNT.test(text.slice(Math.max(0, match.index - 2), match.index)) &&
      !AMOUNT.test(text.slice(end, end + 6))
    ) {
      findings.push({ category: 'ip', start: match.index, end });
    }
  }
  for (const match of matchesOf(IPV6, text)) {
    // Clock-like runs of small decimal groups ("10:30::45") are not addresses.
    const clock = match[0].split(/:+/).every((group) => /^\d{0,2}$/.test(group));
    if (isIPv6(match[0]) && !clock) {
      findings.push({ category: 'ip', start: match.index, end: match.index + match[0].length });
    }
  }
  return findings;
}
