import { introducedIdFinder } from './introduced';

/**
 * Licence, permit and identity-document numbers with their keyword: driving
 * licences, passports, identity cards, residence permits ("driver's license
 * D1234567", "Führerschein-Nr.", "permis de conduire n°", "carnet de
 * conducir", "pasaporte", "DNI"). A bare "licence" is a software seat, so it
 * only counts with "number"; licence keys are not a keyword at all.
 */
export const findLicenseNumbers = introducedIdFinder({
  category: 'license',
  minDigits: 4,
  notAfter: /(?:software|product|windows|office|microsoft|adobe|seat|user|volume|site)\W{0,3}$/,
  keywords: [
    // English
    String.raw`driver'?s?\s+licen[cs]e`,
    String.raw`driving\s+licen[cs]e`,
    String.raw`licen[cs]e\s+(?:number|no|num|#)`,
    'dl',
    String.raw`permit\s+(?:number|no|#)`,
    String.raw`residence\s+permit`,
    'passport',
    String.raw`(?:national\s+)?id(?:entity)?\s+card`,
    String.raw`state\s+id`,
    String.raw`green\s+card`,
    // German
    String.raw`fuhrerschein(?:nummer|[\s-]*nr)?`,
    String.raw`fahrerlaubnis(?:nummer)?`,
    String.raw`(?:reise)?pass(?:nummer|[\s-]*nr)`,
    'reisepass',
    String.raw`(?:personal)?ausweis(?:nummer|[\s-]*nr)?`,
    String.raw`aufenthalts(?:titel|erlaubnis)`,
    // French
    String.raw`permis(?:\s+de\s+conduire)?`,
    String.raw`(?:numero|n°|no)\s+de\s+permis`,
    'passeport',
    String.raw`carte\s+(?:nationale\s+)?d.identite`,
    'cni',
    String.raw`titre\s+de\s+sejour`,
    // Spanish
    String.raw`carne?t\s+de\s+conducir`,
    String.raw`permiso\s+de\s+conducir`,
    String.raw`licencia\s+de\s+conduc(?:ir|cion)`,
    String.raw`licencia\s+(?:n[º°.]+|numero)`,
    // A bare "licencia" before a number is a driving licence, unless it names software or a permit of another kind.
    String.raw`licencia(?!\s+(?:de\s+)?(?:software|uso|windows|office|producto|actividad|apertura|obra|matrimonio|comercial))`,
    'pasaporte',
    'dni',
    'nie',
    String.raw`documento\s+(?:nacional\s+)?de\s+identidad`,
    'cedula',
    String.raw`tarjeta\s+de\s+residencia`,
  ],
});
