import type { Finding } from '../categories';
import { passesLuhn } from '../checksums';
import { introducedIdFinder } from './introduced';

/** Serial numbers and device identifiers with their keyword (of a pump, a pacemaker, a phone). */
const findIntroducedDeviceIds = introducedIdFinder({
  category: 'device',
  minDigits: 3,
  maxWords: 6,
  keywords: [
    // English
    String.raw`serial(?:\s+(?:number|no|num|#))?`,
    's/n',
    'sn',
    String.raw`device\s+(?:id|identifier|serial|number)`,
    'imei',
    'meid',
    'udi',
    'udid',
    // German
    String.raw`serien(?:nummer|[\s-]*nr)`,
    String.raw`gerate(?:nummer|[\s-]*(?:id|nr|kennung))`,
    // French
    String.raw`(?:numero|n°|no)\s+de\s+serie`,
    String.raw`identifiant\s+(?:de\s+l.)?appareil`,
    // Spanish
    String.raw`(?:numero|n[º°.]+)\s+de\s+serie`,
    String.raw`identificador\s+del\s+(?:dispositivo|aparato)`,
  ],
});

/** MAC addresses: 00:1A:2B:3C:4D:5E, 00-1a-2b-3c-4d-5e, 001a.2b3c.4d5e. */
const MAC =
  /(?<![\w:.-])(?:[0-9a-f]{2}([:-])(?:[0-9a-f]{2}\1){4}[0-9a-f]{2}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4})(?![\w:.-])/gi;
/** A 15-digit IMEI, grouped or not (35-209900-176148-1): Luhn-checked, and not an American Express number (34/37). */
const IMEI = /(?<![\d-])(?!3[47])\d{2}[ -]?\d{6}[ -]?\d{6}[ -]?\d(?![\d-])/g;

export function findDeviceIdentifiers(text: string): Finding[] {
  const findings = findIntroducedDeviceIds(text);
  MAC.lastIndex = 0;
  for (let match = MAC.exec(text); match; match = MAC.exec(text)) {
    // Digits only with dashes could be a reference number: a MAC has a hex letter or colons.
    if (/[a-f:]/i.test(match[0]))
      findings.push({ category: 'device', start: match.index, end: match.index + match[0].length });
  }
  IMEI.lastIndex = 0;
  for (let match = IMEI.exec(text); match; match = IMEI.exec(text)) {
    if (passesLuhn(match[0].replace(/\D/g, ''))) {
      findings.push({ category: 'device', start: match.index, end: match.index + match[0].length });
    }
  }
  return findings;
}
