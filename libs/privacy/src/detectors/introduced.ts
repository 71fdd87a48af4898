import type { Finding, SensitiveCategory } from '../categories';
import { fold } from '../text';

/** How an identifier introduced by a keyword ("Kontonummer 1234567890", "passport no. C01X00T47") is found. */
export interface IntroducedIdRule {
  category: SensitiveCategory;
  /** Regular-expression fragments, in folded text (lower case, no accents), one per keyword. */
  keywords: string[];
  /** Digits the identifier must have: fewer is a year, a quantity or a version. */
  minDigits: number;
  /** Words just before the keyword that make it something else ("customer account", "software licence number"). */
  notAfter?: RegExp;
  /** Words allowed between the keyword and the identifier (default 4): "serial number of my insulin pump is". */
  maxWords?: number;
}

/**
 * Between the keyword and the identifier: punctuation (":", "#", "n°") and up
 * to four short words ("number", "of my mother", "bei der AOK", "es el").
 * Each word must end at a separator, so there is one way only to read them.
 */
const filler = (words: number) => String.raw`[\s:#=.,()'’°º/-]*(?:\p{L}{1,15}[\s:#=.,()'’°º/-]+){0,${words}}?`;
/** An identifier: an optional letter prefix, then groups that each hold a digit (HLT-0092-551873, XJH 4481 2290). */
const ID = String.raw`((?:\p{L}{1,6}[ .-]?)?(?=\p{L}*\d)[\p{L}\d]+(?:[ ./-](?=\p{L}*\d)[\p{L}\d]+){0,6})`;
/** What makes a number a date, an amount or a time rather than an identifier. */
const NOT_AN_ID =
  /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[.:]\d{2}|\d{1,2}[./-](?:19|20)\d\d|(?:19|20)\d\d[./-](?:\d\d|(?:19|20)\d\d)|\d{1,3}(?:\.\d{3})+)$/;
/** A currency sign just before the number: "policy covers €25000". */
const AMOUNT_BEFORE = /[€$£]\s?$/;
const AMOUNT_AFTER = /^\s?(?:%|€|\$|£|eur|euro|usd|chf|uhr|h\b|kg|g\b|ml|mg|km|cm|mm)/;

/** A finder for one category, with its pattern compiled once. */
export function introducedIdFinder(rule: IntroducedIdRule): (text: string) => Finding[] {
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${rule.keywords.join('|')})(?![\\p{L}])${filler(rule.maxWords ?? 4)}${ID}`,
    'gu',
  );
  return (text) => {
    const folded = fold(text);
    const findings: Finding[] = [];
    pattern.lastIndex = 0;
    for (let match = pattern.exec(folded); match; match = pattern.exec(folded)) {
      let id = match[1];
      let start = match.index + match[0].length - id.length;
      // A lower-case word before the number is a filler word ("is", "on"), not a prefix like "XJH 4481".
      const word = /^(\p{L}{1,6}) /u.exec(id);
      if (
        word &&
        text.slice(start, start + word[1].length) !== text.slice(start, start + word[1].length).toUpperCase()
      ) {
        start += word[0].length;
        id = id.slice(word[0].length);
      }
      const end = start + id.length;
      const digits = id.replace(/\D/g, '').length;
      const before = folded.slice(Math.max(0, match.index - 25), match.index);
      if (
        digits >= rule.minDigits &&
        !NOT_AN_ID.test(id) &&
        !AMOUNT_AFTER.test(folded.slice(end, end + 5)) &&
        !AMOUNT_BEFORE.test(folded.slice(Math.max(0, start - 2), start)) &&
        !rule.notAfter?.test(before)
      ) {
        findings.push({ category: rule.category, start, end });
      }
      // Look again just after the keyword: the next identifier may be close.
      pattern.lastIndex = Math.max(match.index + 1, start);
    }
    return findings;
  };
}
