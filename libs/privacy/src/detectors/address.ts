import type { Finding } from '../categories';
import { fold, matchesOf } from '../text';

/** Street addresses with a house number, in the shapes English, German, French and Spanish use. */
const STREET_PATTERNS = [
  // 221B Baker Street, 12 Analytical Lane, 1600 Pennsylvania Ave, 55 W 23rd St, 18 Willow Grove, 1 Infinite Loop
  /\b\d{1,5}[a-z]?,?\s+(?:(?:[a-z][\w'-]*|\d{1,3}(?:st|nd|rd|th))\s+){1,3}(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|terrace|close|crescent|square|grove|gardens|mews|loop|circle|cir|parkway|pkwy|highway|hwy|trail)\b\.?/g,
  // Hauptstraße 5, Am Ring 12a, Lindenweg 3, Berliner Straße 12, Alter Steinweg 4. The name before the suffix is
  // bounded (40 letters, longer than any street's): unbounded, "a-a-a-…" made the search quadratic.
  /\b[a-z][\w-]{0,40}?(?:strasse|straße|str\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|steig|stieg|pfad)\s+\d{1,4}[a-z]?\b/g,
  /\b[a-z][\w-]{0,40}?(?:er|es|e)\s+(?:strasse|straße|str\.|weg|gasse|platz|allee|chaussee)\s+\d{1,4}[a-z]?\b/g,
  // 12 rue de la Paix, 5 bis avenue Foch
  /\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|chemin|place|allee|impasse|quai|route|faubourg|fbg|esplanade)\s+(?:[\w'-]+\s?){1,4}/g,
  // Am Markt 3, 28195 Bremen; Gran Vía 28, 28013 Madrid: a street, its number, then a postcode and town.
  // (Starting only where a word starts keeps runs like "a.a.a." linear.)
  /(?<![\p{L}.'-])\b(?:[\p{L}][\p{L}.'-]*\s+){1,3}\d{1,4}[a-z]?,\s*\d{5}\s+\p{L}+/gu,
  // Calle Mayor 5, C/ Alcalá, 23, Avenida de América nº 10, calle Alcalá número 45, Carrer de Mallorca 401
  /\b(?:calle|c\/|carrer|avenida|avinguda|avda\.?|av\.|plaza|pza\.?|placa|paseo|passeig|camino|ronda|travesia|rambla|glorieta|carretera|ctra\.?)\s+(?:[\w'-]+\s+){0,4}?[\w'-]+,?\s*(?:(?:n[º°o]\.?|numero)\s*)?\d{1,4}\b/g,
];

/** "12 cours Lafayette", "8 passage des Lilas": these words are addresses only before a name ("12 cours de yoga" is not). */
const NAMED_STREET =
  /\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:[Cc]ours|[Pp]assage|[Ss]quare|[Vv]illa|[Cc]it[eé])\s+(?:(?:de la|de l'|des|du|de|d')\s*)?\p{Lu}[\p{L}'-]*/gu;

export function findStreetAddresses(text: string): Finding[] {
  const folded = fold(text);
  const findings: Finding[] = [];
  for (const pattern of STREET_PATTERNS) {
    for (const match of matchesOf(pattern, folded)) {
      findings.push({ category: 'address', start: match.index, end: match.index + match[0].trimEnd().length });
    }
  }
  for (const match of matchesOf(NAMED_STREET, text)) {
    findings.push({ category: 'address', start: match.index, end: match.index + match[0].length });
  }
  return findings;
}
