/** What the sensitive-data guard looks for in a chat message before it is stored or published. */
export const SENSITIVE_CATEGORIES = [
  'ssn',
  'card',
  'iban',
  'email',
  'phone',
  'dob',
  'mrn',
  'insurance',
  'health',
  'address',
  'ip',
  // HIPAA Safe Harbor identifiers added later: appended, so tenant policies built on the list keep their meaning.
  'account',
  'license',
  'device',
] as const;
export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number];

/** Where in the text a category was found (UTF-16 offsets, end exclusive). */
export interface Finding {
  category: SensitiveCategory;
  start: number;
  end: number;
}
