/**
 * Elements that bring raster pictures, active content or foreign documents into an SVG; an optional namespace
 * prefix ("svg:script") does not hide them.
 */
const FORBIDDEN_ELEMENT =
  /<\s*(?:[\w.-]+:)?(?:image|feimage|script|foreignobject|iframe|embed|object|video|audio|canvas)\b/i;
/** Any href that is not a same-document fragment ("#shape"): http(s), data: rasters, javascript:, files. */
const EXTERNAL_HREF = /(?:^|[\s"'/])(?:[\w.-]+:)?href\s*=\s*(?!["']\s*#)/i;
/** CSS can fetch too: url() to anything but a fragment, and @import. */
const EXTERNAL_CSS = /url\s*\(\s*(?!["']?\s*#)|@import/i;
const EVENT_HANDLER = /(?:^|[\s"'/])on[a-z]+\s*=/i;
/** DOCTYPE and entities: external entities and entity expansion bombs. */
const DOCTYPE = /<!\s*(?:doctype|entity)/i;
const JAVASCRIPT_URL = /javascript\s*:/i;

/** Why an SVG avatar is refused, or null when it is plain vector artwork. */
export function svgProblem(source: string): string | null {
  if (!/<\s*(?:[\w.-]+:)?svg\b/i.test(source)) return 'not an SVG document';
  if (FORBIDDEN_ELEMENT.test(source)) return 'SVG must not embed images, scripts or foreign content';
  if (EVENT_HANDLER.test(source) || JAVASCRIPT_URL.test(source)) return 'SVG must not contain scripts';
  if (EXTERNAL_HREF.test(source) || EXTERNAL_CSS.test(source)) return 'SVG must not reference external resources';
  if (DOCTYPE.test(source)) return 'SVG must not declare a DOCTYPE or entities';
  return null;
}
