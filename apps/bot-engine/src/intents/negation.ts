/**
 * Which words of a sentence a negation covers, so "don't delete my data" or
 * "no quiero darme de baja" never fire, and "a person, not a bot" keeps only
 * "a person". Phrases that carry a negation themselves ("no more messages")
 * still see the whole sentence.
 */
import { lookUpWord } from './vocabulary';

/** A comma or dash: where a negation's reach ends ("not a bot, a human"). */
export const PAUSE = ',';

const NEGATORS = new Set(
  (
    'not no never dont didnt doesnt nicht kein keine keinen keinem keiner keines nie niemals ne n pas jamais ' +
    'nunca jamas'
  ).split(' '),
);
/** "Löschen Sie meine Daten nicht": German puts the negation after what it negates. */
const TRAILING_NEGATORS = new Set(['nicht', 'nie']);
/** "ne … pas" is one negation, not two. */
const SECOND_PART = new Set(['pas', 'jamais', 'plus']);
/** "are you a bot or not?": a tag, not a negation. */
const OR = new Set(['or', 'oder', 'ou', 'o']);
/** Words that end a negation's reach: "not the bot but a human". */
const BREAKS = new Set('but instead rather aber sondern mais plutot pero sino'.split(' '));
/** After a pause these carry the negation on: "Ich möchte nicht, dass ihr …". */
const CONTINUATIONS = new Set(['that', 'dass', 'que', 'qu']);
/** "I don't know / can't find …": the negation stays on that verb and spares the rest. */
const EPISTEMIC = new Set(
  (
    'know understand find see tell sure remember get weiss verstehe finde sehe sais comprends trouve vois ' +
    'se entiendo encuentro veo'
  ).split(' '),
);
/** "isn't this a bot?", "don't you have a human?": an inverted question, not a denial. */
const AUXILIARIES = new Set('is are am was do does did can could will would'.split(' '));
const PRONOUNS = new Set('you u this it there i we they he she that'.split(' '));
/** English "no" before these is an answer ("no, I want a human"), not a determiner. */
const INTERJECTION_FOLLOWERS = new Set('i im thanks thank just ok okay please'.split(' '));

const isWant = (token: string): boolean => {
  const known = lookUpWord(token);
  return known.kind === 'terms' && known.terms.includes('#want');
};
const isContent = (token: string | undefined): boolean =>
  token !== undefined && token !== PAUSE && lookUpWord(token).kind !== 'stop';

function isNegator(tokens: readonly string[], i: number): boolean {
  const token = tokens[i];
  if (!NEGATORS.has(token)) return false;
  const previous = tokens[i - 1];
  const next = tokens[i + 1];
  if (previous !== undefined && OR.has(previous)) return false;
  if (token === 'no' && (next === undefined || next === PAUSE || INTERJECTION_FOLLOWERS.has(next))) return false;
  if (
    token === 'not' &&
    previous !== undefined &&
    AUXILIARIES.has(previous) &&
    next !== undefined &&
    PRONOUNS.has(next)
  ) {
    return false;
  }
  return true;
}

/** Per token, whether a negation covers it (the negator included). Returns null when nothing is negated. */
export function negatedTokens(tokens: readonly string[]): boolean[] | null {
  let mask: boolean[] | null = null;
  let clauseStart = 0;
  const endsScope = (j: number) => tokens[j] === PAUSE && !CONTINUATIONS.has(tokens[j + 1] ?? '');
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === PAUSE) clauseStart = i + 1;
    if (!isNegator(tokens, i)) continue;
    const covered = (mask ??= tokens.map(() => false));
    covered[i] = true;
    let next = i + 1;
    while (next < tokens.length && !isContent(tokens[next]) && !endsScope(next)) next++;
    if (TRAILING_NEGATORS.has(tokens[i]) && (next >= tokens.length || tokens[next] === PAUSE)) {
      // "Ich finde die Datenschutzerklärung nicht": only the verb of knowing is denied.
      const before = tokens.slice(clauseStart, i);
      const epistemic = before.some((token) => EPISTEMIC.has(token));
      before.forEach((token, k) => (covered[clauseStart + k] ||= !epistemic || EPISTEMIC.has(token)));
      continue;
    }
    let sawWord = false;
    for (let j = i + 1; j < tokens.length; j++) {
      const token = tokens[j];
      if (endsScope(j) || BREAKS.has(token) || (sawWord && isWant(token))) break;
      covered[j] = true;
      i = j;
      if (SECOND_PART.has(token)) continue;
      if (EPISTEMIC.has(token)) {
        if (SECOND_PART.has(tokens[j + 1] ?? '')) covered[++i] = true;
        break;
      }
      if (isContent(token)) sawWord = true;
    }
  }
  return mask;
}
