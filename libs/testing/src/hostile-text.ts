/**
 * Text shaped to cost a text processor as much as possible: long words, many distinct words, every
 * script and Unicode class, runs of digits and punctuation that look like identifiers. Deterministic,
 * so a slow shape can be replayed. Used by the hostile-input suite and `npm run bench:hostile-text`.
 */
const SCRIPTS: Record<string, [number, number]> = {
  latin: [0x61, 0x7a],
  latinAccented: [0xc0, 0x17f],
  greek: [0x3b1, 0x3c9],
  cyrillic: [0x430, 0x44f],
  arabic: [0x627, 0x64a],
  hebrew: [0x5d0, 0x5ea],
  devanagari: [0x915, 0x939],
  cjk: [0x4e00, 0x9fff],
  hangul: [0xac00, 0xd7a3],
  combiningMarks: [0x300, 0x36f],
  emoji: [0x1f600, 0x1f64f],
  mathAlphanumeric: [0x1d400, 0x1d7ff],
};

/** A small linear congruential generator: the same seed gives the same text. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function fromRange([low, high]: [number, number], length: number, random: () => number): string {
  let text = '';
  while (text.length < length) text += String.fromCodePoint(low + Math.floor(random() * (high - low + 1)));
  return text.slice(0, length);
}

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Named hostile texts of exactly `length` UTF-16 code units (a surrogate pair may be cut at the end). */
export function hostileTexts(length = 4_000, seed = 1): Record<string, string> {
  const random = generator(seed);
  const distinctWords = Array.from({ length }, () => fromRange(SCRIPTS.latin, 3 + Math.floor(random() * 10), random));
  const shapes: Record<string, string> = {
    'one long word': repeatTo('a', length),
    'one long word of mixed letters': fromRange(SCRIPTS.latin, length, random),
    'distinct short words': distinctWords.join(' ').slice(0, length),
    'single letters': repeatTo('a b ', length),
    'intent words repeated': repeatTo('human bot person agent forget me data stop never mind ', length),
    digits: fromRange([0x30, 0x39], length, random),
    'digit groups': repeatTo('1234 5678 9012 ', length),
    'dashed numbers': repeatTo('12-34-56-78-', length),
    'dates everywhere': repeatTo('born 01.02.1985 geb. 3. Juli ', length),
    'street words': repeatTo('Hauptstraße 12 Str. Weg Platz Allee rue calle ', length),
    'hyphenated letters': repeatTo('a-', length),
    'at signs and dots': repeatTo('a.b@c.', length),
    punctuation: repeatTo('!?.,;:-—()[]{}"\'', length),
    whitespace: repeatTo(' \t\n\u00a0\u2003', length),
    'zero-width and direction marks': repeatTo('a\u200b\u200d\u202e\u2066', length),
  };
  for (const [name, range] of Object.entries(SCRIPTS)) shapes[`script: ${name}`] = fromRange(range, length, random);
  return shapes;
}
