import type { Finding } from '../categories';
import { isValidGermanTaxId } from '../checksums';
import { matchesOf } from '../text';
import { contextBefore } from './context';
import { introducedIdFinder } from './introduced';

/**
 * National identification numbers (category `ssn`: the US Social Security number and its counterparts) written
 * after their keyword in any spacing or grouping: "SSN 123 45 6789", "social security number: 123456789", "NI
 * number QQ 12 34 56 C", "Steuer-ID 12 345 678 901". (European social-security numbers identify a health
 * insurance: they are `insurance`, found by the insurance detector, which runs first.)
 * Bare, without a keyword, only shapes that prove themselves: a UK National Insurance number in its exact format,
 * a German tax id whose check digit and digit pattern hold.
 */
const findIntroducedNationalIds = introducedIdFinder({
  category: 'ssn',
  minDigits: 6,
  keywords: [
    // English
    'ssn',
    'ss#',
    String.raw`social\s+security(?:\s+(?:number|no|num|#))?`,
    String.raw`national\s+insurance(?:\s+(?:number|no|num))?`,
    String.raw`ni\s+(?:number|no|num)`,
    'nino',
    String.raw`(?:tax|taxpayer)\s+(?:id|identification)(?:\s+(?:number|no))?`,
    'tin',
    'itin',
    // German
    String.raw`steuer[\s-]*id(?:entifikationsnummer)?`,
    String.raw`steuerliche\s+identifikationsnummer`,
    'idnr',
    // French
    String.raw`numero\s+fiscal`,
    // Spanish (tax ids of people; social-security numbers are health insurance numbers there: see medical-ids)
    String.raw`numero\s+de\s+identificacion\s+fiscal`,
  ],
});

/** UK National Insurance number: two prefix letters (not D, F, I, Q, U, V; not O second), six digits, A–D. */
const NINO =
  /(?<![\p{L}\p{N}])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\p{L}\p{N}])/giu;
/** Eleven digits, compact or in the usual groups (2-3-3-3, 3-3-3-2), for the Steuer-ID check. */
const ELEVEN_DIGITS = /(?<![\d-])\d(?:[ .]?\d){10}(?![\d-])/g;

export function findNationalIds(text: string): Finding[] {
  const findings = findIntroducedNationalIds(text);
  // A bare shape after an order, invoice or tracking word is that reference, whatever it looks like.
  const bare = (match: RegExpExecArray) => {
    if (contextBefore(text, match.index) === 'reference') return;
    findings.push({ category: 'ssn', start: match.index, end: match.index + match[0].length });
  };
  for (const match of matchesOf(NINO, text)) bare(match);
  for (const match of matchesOf(ELEVEN_DIGITS, text)) {
    if (isValidGermanTaxId(match[0].replace(/\D/g, ''))) bare(match);
  }
  return findings;
}
