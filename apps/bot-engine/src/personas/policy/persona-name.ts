import { isFirstName } from './first-names';
import { foldedWords } from './normalize';
import { PersonaViolation } from './types';

export const MAX_NAME_LENGTH = 40;

/**
 * Words that make a name unmistakably a machine, in the four languages. A plain "assistant" is deliberately
 * absent: "Sarah, sales assistant" is a human job title, so it needs "virtual", "AI", "bot"… to count.
 */
const AUTOMATION_MARKERS = wordSet(`
  bots robot roboter virtual virtuel virtuelle virtueller virtuelles digital digitale digitaler numerique
  ai ki ia machine maschine maquina
`);

/** Ordinary product words that may follow a first name without making it "Firstname Lastname". */
const PRODUCT_WORDS = wordSet(`
  support help helpdesk desk service services team care sales info chat
  assistant assistent assistentin asistente hilfe kundenservice aide ayuda soporte atencion
  from von de du del at bei chez en and und et y the der die le la el
`);

const HONORIFICS = wordSet(`
  mr mrs ms miss dr herr frau mme mlle monsieur madame sr sra senor senora don dona
`);

/** Phrases (folded, space-joined words) by which a name says a person is behind it. */
const HUMAN_CLAIMS = [
  /\b(?:human|humans|humain|humaine|humano|humana|mensch)\b/,
  /\b(?:real|actual|live|true) (?:person|people|agent|operator|advisor)\b/,
  /\b(?:echte|echter|echten) (?:person|mitarbeiter|mitarbeiterin|berater|beraterin)\b/,
  /\b(?:vraie|vrai) (?:personne|conseiller|conseillere)\b|\bpersonne reelle\b/,
  /\bpersona real\b|\bagente en vivo\b/,
  /\b(?:not a|kein|keine|pas un|no soy un|no es un) (?:bot|robot|roboter|ki|ia|ai)\b/,
];

const CONTROL_CHARACTERS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
/** A letter outside the Latin script next to Latin letters: the usual homoglyph trick ("Sаrah" with a Cyrillic а). */
const NON_LATIN_LETTER = /[^\P{L}\p{Script=Latin}]/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

/**
 * Checks a persona name. A human first name is allowed only with an explicit automation marker
 * ("Emma, the Acme bot", "Ava (virtual assistant)"): with one it cannot pass as human. Without a marker, a first
 * name anywhere in the name is refused, ordinary words that are also names included ("Max Support", "Acme Rose"):
 * refusing costs the tenant one word ("Max Support Bot"), accepting could let a bot pose as a colleague.
 */
export function checkName(name: unknown): PersonaViolation[] {
  const invalid = invalidReason(name);
  if (invalid) return [violation('name_invalid', invalid)];
  const text = name as string;
  const words = foldedWords(text);
  const phrase = words.join(' ');
  const violations: PersonaViolation[] = [];
  if (HUMAN_CLAIMS.some((claim) => claim.test(phrase))) {
    violations.push(violation('name_claims_human', 'The name must not claim that a person is answering.'));
  }
  if (words.some(isAutomationMarker)) return violations;

  const nameAt = words.findIndex(isFirstName);
  if (nameAt >= 0) {
    violations.push(
      looksLikeFullName(words, nameAt)
        ? violation('human_full_name', "The name looks like a person's full name; a bot must not pass as human.")
        : violation(
            'human_first_name',
            `"${words[nameAt]}" is a common first name; add an automation marker such as "bot" or "virtual assistant".`,
          ),
    );
  } else if (HONORIFICS.has(words[0]) && words.length > 1) {
    violations.push(violation('human_full_name', 'A title followed by a name reads as a person.'));
  }
  return violations;
}

function invalidReason(name: unknown): string | null {
  if (typeof name !== 'string' || name.trim().length === 0) return 'The name is required.';
  if (name.length > MAX_NAME_LENGTH) return `The name must be at most ${MAX_NAME_LENGTH} characters.`;
  if (CONTROL_CHARACTERS.test(name)) return 'The name must not contain control or invisible characters.';
  if (NON_LATIN_LETTER.test(name) && LATIN_LETTER.test(name)) return 'The name must not mix writing systems.';
  if (foldedWords(name).length === 0) return 'The name must contain letters or digits.';
  return null;
}

function isAutomationMarker(word: string): boolean {
  // "HelpBot" is split by camelCase, "Acmebot" is not: any word ending in "bot" counts, as does any "automat…"
  // (automated, automatisiert, automatisé, automatizado).
  return AUTOMATION_MARKERS.has(word) || word.endsWith('bot') || word.startsWith('automat');
}

/** A first name (or several: "Anna Maria") followed by a surname-like word or an initial ("Sophie M."). */
function looksLikeFullName(words: string[], nameAt: number): boolean {
  let next = nameAt + 1;
  while (next < words.length && isFirstName(words[next])) next++;
  const word = words[next];
  return word !== undefined && /^\p{L}+$/u.test(word) && !PRODUCT_WORDS.has(word);
}

function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.trim().split(/\s+/));
}

function violation(code: string, message: string): PersonaViolation {
  return { field: 'name', code, message };
}
