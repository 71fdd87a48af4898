import { SaxesParser } from 'saxes';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Still artwork: shapes, text, paint servers, clipping and masking. Nothing that fetches, runs, moves or embeds. */
const ALLOWED_ELEMENTS = new Set(
  `svg g defs symbol use title desc path rect circle ellipse line polyline polygon text tspan linearGradient
  radialGradient stop clipPath mask pattern style`.split(/\s+/),
);
/** Named because their presence is the likely mistake (or attack); any other element is refused too. */
const FORBIDDEN_ELEMENTS = new Set(
  `script foreignObject image feImage iframe embed object video audio canvas a animate animateMotion
  animateTransform set handler listener`.split(/\s+/),
);
const ALLOWED_ATTRIBUTES = new Set(
  `id class style transform d x y x1 y1 x2 y2 cx cy r rx ry fx fy fr width height points viewBox
  preserveAspectRatio fill fill-opacity fill-rule stroke stroke-width stroke-linecap stroke-linejoin
  stroke-miterlimit stroke-dasharray stroke-dashoffset stroke-opacity opacity offset stop-color stop-opacity
  gradientUnits gradientTransform spreadMethod clip-path clip-rule clipPathUnits mask maskUnits maskContentUnits
  patternUnits patternContentUnits patternTransform font-family font-size font-weight font-style text-anchor
  dominant-baseline alignment-baseline letter-spacing word-spacing dx dy rotate lengthAdjust textLength
  visibility display color version href vector-effect paint-order shape-rendering color-interpolation`.split(/\s+/),
);
/** CSS that fetches or runs: url() to anything but a fragment, @import, old script hooks. */
const ACTIVE_CSS = /url\s*\(\s*(?!["']?\s*#)|@import|expression\s*\(|behaviou?r\s*:|-moz-binding|javascript\s*:/i;

export type SvgResult = { ok: true; svg: string } | { ok: false; problem: string };

/**
 * Parses an SVG avatar as XML (strictly: a DOCTYPE, entities or malformed markup are refused) and writes it
 * out again from an allow-list of elements and attributes, so what is stored and served is what was checked:
 * no scripts, event handlers, animations, embedded or linked images, external references or active CSS.
 * Metadata of editors (Inkscape, Illustrator: other namespaces) is dropped; anything else unknown is refused.
 */
export function sanitizeSvg(source: string): SvgResult {
  const parser = new SaxesParser({ xmlns: true, position: false });
  let output = '';
  let problem: string | null = null;
  /** Depth inside an element of a foreign namespace (editor metadata), whose content is dropped. */
  let skipping = 0;
  const open: string[] = [];
  let root = true;
  const refuse = (reason: string) => {
    problem ??= reason;
  };

  parser.on('doctype', () => refuse('SVG must not declare a DOCTYPE or entities'));
  parser.on('processinginstruction', (pi) => {
    if (pi.target !== 'xml-stylesheet') return;
    refuse('SVG must not reference external resources');
  });
  parser.on('opentag', (tag) => {
    if (problem) return;
    if (skipping > 0 || (tag.uri !== SVG_NS && !root)) {
      skipping += tag.isSelfClosing ? 0 : 1;
      return;
    }
    if (root && (tag.uri !== SVG_NS || tag.local !== 'svg')) return refuse('not an SVG document');
    root = false;
    if (FORBIDDEN_ELEMENTS.has(tag.local))
      return refuse(`SVG must not contain <${tag.local}> (images, scripts, links or animation)`);
    if (!ALLOWED_ELEMENTS.has(tag.local)) return refuse(`SVG element <${tag.local}> is not allowed in an avatar`);
    let attributes = tag.local === 'svg' && open.length === 0 ? ` xmlns="${SVG_NS}"` : '';
    for (const attribute of Object.values(tag.attributes)) {
      const { uri, local, value } = attribute;
      if (uri === XMLNS_NS || (uri === '' && local === 'xmlns')) continue;
      if (/^on/i.test(local)) return refuse('SVG must not contain scripts (event handlers)');
      if (local === 'href' && (uri === '' || uri === XLINK_NS)) {
        if (!value.trim().startsWith('#')) return refuse('SVG must not reference external resources');
        attributes += ` href="${escapeXml(value.trim())}"`;
        continue;
      }
      if (uri === XML_NS && local === 'space') {
        attributes += ` xml:space="${escapeXml(value)}"`;
        continue;
      }
      // Editors' own attributes (inkscape:label, …) carry nothing that renders: dropped.
      if (uri !== '') continue;
      if (!ALLOWED_ATTRIBUTES.has(local)) return refuse(`SVG attribute ${local} is not allowed in an avatar`);
      if (ACTIVE_CSS.test(value)) return refuse('SVG must not reference external resources or run code in CSS');
      attributes += ` ${local}="${escapeXml(value)}"`;
    }
    open.push(tag.local);
    output += `<${tag.local}${attributes}${tag.isSelfClosing ? '/>' : '>'}`;
    if (tag.isSelfClosing) open.pop();
  });
  parser.on('closetag', (tag) => {
    if (problem) return;
    if (skipping > 0) {
      if (!tag.isSelfClosing) skipping -= 1;
      return;
    }
    if (tag.isSelfClosing) return;
    output += `</${open.pop()}>`;
  });
  parser.on('text', (text) => {
    if (problem || skipping > 0 || open.length === 0) return;
    if (open[open.length - 1] === 'style' && ACTIVE_CSS.test(text)) {
      return refuse('SVG must not reference external resources or run code in CSS');
    }
    output += escapeXml(text);
  });
  parser.on('cdata', (text) => {
    if (problem || skipping > 0 || open.length === 0) return;
    if (ACTIVE_CSS.test(text)) return refuse('SVG must not reference external resources or run code in CSS');
    output += escapeXml(text);
  });
  try {
    parser.write(source).close();
  } catch {
    return { ok: false, problem: problem ?? 'the SVG is not well-formed XML' };
  }
  if (problem) return { ok: false, problem };
  if (root) return { ok: false, problem: 'not an SVG document' };
  return { ok: true, svg: output };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
