/** Size limits of a playbook document; the schema and the parser both read them, so they are documented once. */
export const PLAYBOOK_LIMITS = {
  sourceBytes: 256 * 1024,
  /** Objects/arrays nested deeper than this are rejected before schema validation (it bounds recursion). */
  depth: 24,
  /** Values (objects, arrays, scalars) in one document. */
  values: 50_000,
  nameLength: 120,
  textLength: 1000,
  labelLength: 40,
  nodes: 200,
  options: 10,
  rules: 50,
  combinatorItems: 10,
  listValues: 50,
  listValueLength: 200,
  urlLength: 2000,
  matchLength: 500,
  maxAttempts: 5,
  intents: 100,
  phrasesPerLanguage: 50,
  phraseLength: 200,
  synonymsPerLanguage: 20,
  synonymLength: 80,
  intervalsPerDay: 6,
  timezoneLength: 64,
  /** Errors reported for one document; the rest are summarised in one `too_many_errors` entry. */
  errors: 100,
} as const;
