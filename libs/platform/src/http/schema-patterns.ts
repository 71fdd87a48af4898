/**
 * Patterns for OpenAPI documents (`@ApiProperty({ pattern })`), written so that tools in any language read them
 * as JavaScript does: no `\s`, `\w`, `\d` or `\p{…}`, whose meaning differs between regex engines (Python's `\s`
 * and `\d` take in more of Unicode), only explicit classes.
 */

/** JavaScript's `\s`, spelled out. */
const WHITESPACE = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
/** Whitespace that is not a control character. */
const SPACES = ' \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
/** Unicode general category Cc (`\p{Cc}`). */
const CONTROLS = '\\u0000-\\u001f\\u007f-\\u009f';

/** Text with at least one non-blank character (`@Matches(/\S/)`), and no NUL (refused in every body). */
export const NOT_BLANK_PATTERN = `^[${WHITESPACE}]*[^\\u0000${WHITESPACE}][^\\u0000]*$`;

/** A name shown to people (`/^[^\p{Cc}]*\S[^\p{Cc}]*$/u`): no control characters, at least one non-blank one. */
export const DISPLAY_NAME_PATTERN = `^[${SPACES}]*[^${CONTROLS}${SPACES}][^${CONTROLS}]*$`;

/** Keys of playbooks, forms, purposes, teams, quick replies. */
export const SLUG_PATTERN = '^[a-z][a-z0-9_-]{0,62}$';

/** `en`, `en-GB`. */
export const LOCALE_PATTERN = '^[a-z]{2}(-[A-Z]{2})?$';

/** ISO 3166-1 alpha-2 (or EU). */
export const COUNTRY_PATTERN = '^[A-Z]{2}$';

const LABEL = '[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?';

/**
 * URLs `@IsUrl({ protocols, require_protocol: true })` accepts, as a pattern: a lower-case host name with a
 * top-level domain, an optional port and path, no query. `IsUrl` accepts more (IP addresses, upper case,
 * queries); the document promises the common form.
 */
export function urlPattern(protocols: readonly ('http' | 'https')[]): string {
  const scheme = protocols.length === 1 ? protocols[0] : `(${protocols.join('|')})`;
  return `^${scheme}://(${LABEL}\\.)+[a-z]{2,63}(:[1-9][0-9]{0,3})?(/[A-Za-z0-9._~!$&'()*+,;=:@%-]*)*$`;
}
