import { fold } from './normalize';
import { PERSONA_LANGUAGES, PersonaLanguage, PersonaViolation } from './types';

const EVERY_LANGUAGE = [/\b\w*bot\b/, /\bautomat/, /\brobot/];

/** What makes a disclosure explicit, matched on folded text: the words a visitor of that language recognises. */
const AUTOMATION_WORDS: Record<PersonaLanguage, RegExp[]> = {
  en: [
    ...EVERY_LANGUAGE,
    /\b(?:virtual|digital|ai) (?:assistant|agent)\b/,
    /\b(?:ai|a\.i\.|artificial intelligence|machine|computer program)\b/,
    /\bnot an? (?:human|person|real person)\b/,
  ],
  de: [
    ...EVERY_LANGUAGE,
    /\b(?:virtuell|digital)(?:e|er|en)? assistent/,
    /\b(?:ki|ai|kunstliche intelligenz|maschine)\b/,
    /\bkein(?:e)? (?:mensch|person)\b/,
  ],
  fr: [
    ...EVERY_LANGUAGE,
    /\bassistante? (?:virtuel|numerique)/,
    /\b(?:ia|intelligence artificielle|machine|programme informatique)\b/,
    /\bpas (?:un|une) (?:humain|humaine|personne)\b/,
  ],
  es: [
    ...EVERY_LANGUAGE,
    /\basistente (?:virtual|digital)\b/,
    /\b(?:ia|inteligencia artificial|maquina|programa informatico)\b/,
    /\bno soy (?:un|una) (?:humano|humana|persona)\b/,
  ],
};

/**
 * First-person claims to be human, in any of the languages (texts mix languages). They are phrased as claims so
 * that "I'm a bot, not a real person; ask for a live agent anytime" is not caught.
 */
const HUMAN_CLAIMS = [
  /\b(?:i am|i'm|im|this is|we are|we're) (?:an? )?(?:real |actual |live |genuine )?(?:human|person|people|employee|team member|agent)\b(?!-)/,
  /\b(?:you are|you're|youre) (?:talking|chatting|speaking) (?:to|with) (?:an? )?(?:real |actual |live )?(?:human|person|employee)\b(?!-)/,
  /\b(?:i am|i'm|im|this is) not (?:an? )?(?:bot|chatbot|robot|machine|ai|computer|automated)\b/,
  /\b(?:chat|conversation) is not automated\b|\b100 ?% human\b/,
  /\bich bin (?:ein |eine )?(?:echter |echte )?(?:mensch|person|mitarbeiter|mitarbeiterin|berater|beraterin)\b/,
  /\bich bin (?:kein|keine) (?:bot|chatbot|roboter|ki|maschine|computer)\b/,
  /\bsie (?:sprechen|chatten|schreiben) mit (?:einem|einer) (?:echten )?(?:menschen|person|mitarbeiter|mitarbeiterin)\b/,
  /\bje suis (?:un |une )?(?:vrai |vraie )?(?:humain|humaine|personne|conseiller|conseillere|employe|employee)\b/,
  /\bje ne suis pas (?:un|une) (?:bot|chatbot|robot|ia|machine|programme)\b/,
  /\bvous (?:parlez|discutez|echangez) (?:a|avec) (?:un|une) (?:vrai |vraie )?(?:humain|humaine|personne|conseiller|conseillere)\b/,
  /(?<!\bno )\bsoy (?:un |una )?(?:persona|humano|humana|agente|empleado|empleada)\b/,
  /\bno soy (?:un|una) (?:bot|chatbot|robot|ia|maquina|programa)\b/,
  /\b(?:estas|esta|estais) (?:hablando|chateando) con (?:un|una) (?:persona|humano|humana|agente)\b/,
];

/** Checks the per-language disclosure texts: 'en' is required, every text present must say it is automated. */
export function checkDisclosure(disclosure: unknown): PersonaViolation[] {
  const texts: Record<string, unknown> = isRecord(disclosure) ? disclosure : {};
  const violations: PersonaViolation[] = [];
  for (const language of PERSONA_LANGUAGES) {
    const field = `disclosure.${language}`;
    const text = Object.prototype.hasOwnProperty.call(texts, language) ? texts[language] : undefined;
    if (text === undefined && language !== 'en') continue;
    if (typeof text !== 'string' || text.trim().length === 0) {
      violations.push({ field, code: 'disclosure_missing', message: `The ${language} disclosure text is required.` });
      continue;
    }
    const folded = fold(text)
      .replace(/[’‘`´]/g, "'")
      .replace(/\s+/g, ' ');
    if (!AUTOMATION_WORDS[language].some((word) => word.test(folded))) {
      violations.push({
        field,
        code: 'disclosure_not_explicit',
        message: `The ${language} disclosure must say plainly that the visitor talks to an automated assistant.`,
      });
    }
    if (HUMAN_CLAIMS.some((claim) => claim.test(folded))) {
      violations.push({
        field,
        code: 'disclosure_claims_human',
        message: 'The disclosure must not claim to be human.',
      });
    }
  }
  return violations;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
