import type { Finding } from '../categories';
import { isValidNir } from '../checksums';
import { contextBefore } from './context';
import { introducedIdFinder } from './introduced';

/** Medical record numbers: patient, chart and case numbers of a hospital or practice. */
export const findMedicalRecordNumbers = introducedIdFinder({
  category: 'mrn',
  minDigits: 4,
  keywords: [
    // English
    'mrn',
    String.raw`medical\s+records?(?:\s+(?:number|no|num|id))?`,
    String.raw`med\s+rec(?:ord)?`,
    String.raw`patient\s+(?:id|identifier|identification|number|no|num|#|file|record|portal\s+id)`,
    String.raw`(?:hospital|clinic|health|patient)\s+record(?:\s+(?:number|no|id|#))?`,
    String.raw`chart\s+(?:number|no|num|#|id)`,
    String.raw`hospital\s+(?:number|no|id)`,
    String.raw`(?:clinical|electronic\s+health|ehr|emr)\s+record\s+(?:number|no|id)`,
    String.raw`encounter\s+(?:number|no|id)`,
    // German
    String.raw`patient(?:en)?(?:nummer|[\s-]*(?:id|nr|kennung|kennnummer))`,
    String.raw`fall(?:nummer|[\s-]*nr)`,
    'aufnahmenummer',
    String.raw`krankenblatt(?:nummer)?`,
    String.raw`(?:kranken)?aktennummer`,
    String.raw`(?:kranken|patienten)akte`,
    // French
    String.raw`(?:numero|n°|no|num)\s+(?:de\s+)?dossier(?:\s+(?:medical|patient))?`,
    String.raw`dossier\s+(?:medical|patient)`,
    String.raw`identifiant\s+(?:du\s+)?patient`,
    'ipp',
    String.raw`(?:numero|n°|no)\s+(?:de\s+)?patient`,
    String.raw`numero\s+d.hospitalisation`,
    String.raw`numero\s+de\s+sejour`,
    // Spanish
    String.raw`historia\s+clinica`,
    String.raw`(?:numero|n[º°.]+)\s+de\s+historia`,
    String.raw`historial\s+(?:clinico|medico)`,
    'nhc',
    String.raw`(?:numero|n[º°.]+|id|codigo)\s+de\s+paciente`,
    String.raw`expediente\s+(?:medico|clinico)`,
  ],
});

const findIntroducedInsuranceNumbers = introducedIdFinder({
  category: 'insurance',
  minDigits: 5,
  keywords: [
    // English
    String.raw`member(?:ship)?\s+(?:id|number|no|num|#)`,
    String.raw`subscriber\s+(?:id|number|no)`,
    String.raw`beneficiary\s+(?:id|number|no)`,
    'policy',
    String.raw`group\s+(?:number|no|#)`,
    String.raw`insurance\s+(?:number|id|no|card|policy|member)`,
    String.raw`health\s+(?:plan|insurance|card)`,
    // Insurers by name: "my Aetna member ID", "AOK-Nummer", "tarjeta de Sanitas"
    String.raw`aetna|cigna|anthem|bcbs|(?:humana|kaiser(?:\s+permanente)?)\s+(?:id|member)|blue\s+(?:cross|shield)|united\s?healthcare|tricare`,
    String.raw`aok|barmer|techniker(?:\s+krankenkasse)?|dak|ikk|bkk|hkk|knappschaft`,
    String.raw`cpam|ameli|mgen`,
    String.raw`sanitas|adeslas|asisa|dkv|mapfre\s+salud`,
    'medicare',
    'mbi',
    'medicaid',
    String.raw`nhs\s+(?:number|no)`,
    'ehic',
    // German
    String.raw`(?:kranken)?versicherten(?:nummer|[\s-]*nr)`,
    String.raw`(?:kranken|sozial|renten)?versicherungs(?:nummer|[\s-]*nr)`,
    String.raw`kv[\s-]*(?:nummer|nr)`,
    'kvnr',
    'mitgliedsnummer',
    String.raw`sv[\s-]*nummer`,
    String.raw`versicherungsschein(?:nummer|[\s-]*nr)?`,
    String.raw`kranken(?:kasse|versicherung)`,
    String.raw`polic?zennummer`,
    'policennummer',
    'krankenkassennummer',
    'gesundheitskarte',
    'egk',
    // French
    String.raw`securite\s+sociale`,
    'secu',
    'nir',
    'insee',
    String.raw`carte\s+vitale`,
    'mutuelle',
    String.raw`(?:numero|n°|no)\s+d.(?:adherent|assure|affiliation|affilie)`,
    String.raw`assure\s+social`,
    'adherent',
    String.raw`contrat\s+(?:de\s+)?(?:sante|mutuelle)`,
    'ceam',
    // Spanish
    'afiliacion',
    String.raw`afiliad[oa]`,
    'nss',
    String.raw`seguridad\s+social`,
    String.raw`tarjeta\s+sanitaria`,
    'tsi',
    'cip',
    'poliza',
    String.raw`(?:numero|codigo)\s+de\s+asegurad[oa]`,
    'mutua',
    'muface',
  ],
});

/** A French social-security number (NIR) with its key, grouped or not: 1 85 05 78 006 084 36. */
const NIR =
  /(?<![\d-])[12][ .]?\d{2}[ .]?(?:0[1-9]|1[0-2]|[2-9]\d)[ .]?(?:\d{2}|2[ab])[ .]?\d{3}[ .]?\d{3}[ .]?\d{2}(?![\d-])/gi;

/** Health-insurance numbers introduced by a keyword, unless an order or phone word stands closer ("policy: order 5512093"). */
export function findInsuranceNumbers(text: string): Finding[] {
  return findIntroducedInsuranceNumbers(text).filter((finding) => {
    const context = contextBefore(text, finding.start, 1);
    const digitsOnly = /^[\d ]+$/.test(text.slice(finding.start, finding.end));
    return (
      context !== 'reference' &&
      context !== 'phone' &&
      // Payment cards are digits only: "the ID on my Blue Cross card is XJH448122901" is the insurance's.
      !(digitsOnly && context === 'card') &&
      !(digitsOnly && contextBefore(text, finding.start) === 'phone')
    );
  });
}

/** A French NIR needs no keyword when its mod-97 key checks out (it runs before cards: some pass Luhn too). */
export function findFrenchNirs(text: string): Finding[] {
  const findings: Finding[] = [];
  NIR.lastIndex = 0;
  for (let match = NIR.exec(text); match; match = NIR.exec(text)) {
    if (isValidNir(match[0].replace(/[ .]/g, ''))) {
      findings.push({ category: 'insurance', start: match.index, end: match.index + match[0].length });
    }
  }
  return findings;
}
