import type { Finding, SensitiveCategory } from './categories';
import { findAccountNumbers } from './detectors/accounts';
import { findStreetAddresses } from './detectors/address';
import { findDatesOfBirth } from './detectors/dates-of-birth';
import { findDeviceIdentifiers } from './detectors/devices';
import { findHealthInformation } from './detectors/health';
import { findCards, findEmails, findIbans, findSsns } from './detectors/identifiers';
import { findIps } from './detectors/ips';
import { findLicenseNumbers } from './detectors/licenses';
import { findNationalIds } from './detectors/national-ids';
import { findPhones } from './detectors/phones';
import { findFrenchNirs, findInsuranceNumbers, findMedicalRecordNumbers } from './detectors/medical-ids';

/** Strongest evidence first: where two findings overlap, the earlier category wins. */
const DETECTORS: ((text: string) => Finding[])[] = [
  // Checksummed numbers that could also pass Luhn go before cards.
  findFrenchNirs,
  findDeviceIdentifiers,
  findCards,
  findIbans,
  findEmails,
  findSsns,
  findMedicalRecordNumbers,
  findInsuranceNumbers,
  // After insurance: a European social-security number is a health insurance number first.
  findNationalIds,
  findLicenseNumbers,
  findAccountNumbers,
  findDatesOfBirth,
  findIps,
  findPhones,
  findStreetAddresses,
  findHealthInformation,
];

/** Every sensitive span of a message, without overlaps, in text order. */
export function scanMessage(text: string): Finding[] {
  const kept: Finding[] = [];
  for (const detect of DETECTORS) {
    for (const finding of detect(text)) {
      if (!kept.some((other) => finding.start < other.end && other.start < finding.end)) kept.push(finding);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The categories present in a message. */
export function categoriesIn(text: string): Set<SensitiveCategory> {
  return new Set(scanMessage(text).map((finding) => finding.category));
}

/** The text with the given findings replaced by a marker naming their category; nothing of them remains. */
export function redact(text: string, findings: Finding[]): string {
  let result = '';
  let cursor = 0;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    result += `${text.slice(cursor, finding.start)}[${finding.category} removed]`;
    cursor = finding.end;
  }
  return result + text.slice(cursor);
}
