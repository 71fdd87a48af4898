import type { Finding } from '../categories';
import { fold, matchesOf } from '../text';

/** Street addresses with a house number, in the shapes English, German, French and Spanish use. */
const STREET_PATTERNS = [
  // 221B Baker Street, 12 Analytical Lane, 1600 Pennsylvania Ave
  /\b\d{1,5}[a-z]?,?\s+(?:[a-z][\w'-]*\s+){1,3}(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|terrace|close|crescent|square)\b\.?/g,
  // Hauptstraße 5, Am Ring 12a, Lindenweg 3
  /\b[a-z][\w-]*(?:strasse|straße|str\.|weg|gasse|platz|allee|ring|damm|ufer)\s+\d{1,4}[a-z]?\b/g,
  // 12 rue de la Paix, 5 bis avenue Foch
  /\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|chemin|place|allee|impasse|quai|route)\s+(?:[\w'-]+\s?){1,4}/g,
  // Am Markt 3, 28195 Bremen; Gran Vía 28, 28013 Madrid: a street, its number, then a postcode and town.
  // (Starting only where a word starts keeps runs like "a.a.a." linear.)
  /(?<![\p{L}.'-])\b(?:[\p{L}][\p{L}.'-]*\s+){1,3}\d{1,4}[a-z]?,\s*\d{5}\s+\p{L}+/gu,
  // Calle Mayor 5, C/ Alcalá, 23, Avenida de América nº 10
  /\b(?:calle|c\/|avenida|avda\.?|plaza|paseo|camino|ronda|travesia)\s+(?:[\w'-]+\s+){0,4}?[\w'-]+,?\s*(?:n[º°o]\.?\s*)?\d{1,4}\b/g,
];

export function findStreetAddresses(text: string): Finding[] {
  const folded = fold(text);
  const findings: Finding[] = [];
  for (const pattern of STREET_PATTERNS) {
    for (const match of matchesOf(pattern, folded)) {
      findings.push({ category: 'address', start: match.index, end: match.index + match[0].trimEnd().length });
    }
  }
  return findings;
}
