import { scanMessage } from '@candor/privacy';

/** Path segments kept: enough to tell which part of a site the chat started on ("/de/pricing/enterprise"). */
export const MAX_PAGE_SEGMENTS = 3;
/** What replaces a segment that could identify someone. */
export const REDACTED_SEGMENT = ':redacted';
/** What stands for the segments left out: "…", percent-encoded, since the page is published as a URI (ASCII only). */
export const TRUNCATED_SEGMENT = '%E2%80%A6';

/**
 * The page a chat started on, as Candor keeps and publishes it: origin and at most the first three path
 * segments, without query or fragment. A segment that could identify someone — anything the sensitive-data
 * guard finds in it, an `@`, a run of five or more digits (order, patient or phone numbers), or one that does
 * not decode — is replaced by `:redacted`, since the page travels in events and rows that are not encrypted.
 * Null when no page was given.
 */
export function pageOf(pageUrl: string | undefined): string | null {
  if (!pageUrl) return null;
  const url = new URL(pageUrl);
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const kept = segments
    .slice(0, MAX_PAGE_SEGMENTS)
    .map((segment) => (identifies(segment) ? REDACTED_SEGMENT : segment));
  const path = `/${kept.join('/')}${segments.length > MAX_PAGE_SEGMENTS ? `/${TRUNCATED_SEGMENT}` : ''}`;
  return `${url.origin}${path}`.slice(0, 500);
}

function identifies(segment: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return true;
  }
  if (decoded.includes('@') || /\d{5,}/.test(decoded.replace(/[\s._-]/g, ''))) return true;
  // Slugs separate words with dashes or underscores: the guard reads them as the words they are.
  return scanMessage(decoded.replace(/[-_+.]/g, ' ')).length > 0;
}
