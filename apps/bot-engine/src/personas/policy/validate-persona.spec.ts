import { PersonaDraft, validatePersona } from './index';
import { chunk, dataUri, encodePng, gaussian, Painter } from './png-fixtures';
import { PNG_SIGNATURE } from './png';

const icon: Painter = (x, y) => (x > 8 && x < 24 && y > 8 && y < 24 ? [255, 255, 255, 255] : [0, 0, 0, 0]);
const valid: PersonaDraft = {
  name: 'Acme Virtual Assistant',
  avatar: dataUri('image/png', encodePng(32, 32, icon)),
  tone: 'friendly',
  disclosure: { en: "I'm Acme's virtual assistant, a bot.", de: 'Ich bin ein Bot.', fr: 'Je suis un bot.' },
};

describe('validatePersona', () => {
  it('accepts a persona that cannot pass as human', () => {
    expect(validatePersona(valid)).toEqual([]);
  });

  it('reports every violation with its field, code and a message', () => {
    const violations = validatePersona({
      name: 'Sarah',
      avatar: dataUri('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0])),
      tone: 'seductive' as PersonaDraft['tone'],
      disclosure: { de: 'Ich bin ein echter Mensch.' },
    });
    expect(violations.map(({ field, code }) => `${field}:${code}`)).toEqual([
      'name:human_first_name',
      'avatar:avatar_photographic',
      'tone:tone_invalid',
      'disclosure.en:disclosure_missing',
      'disclosure.de:disclosure_not_explicit',
      'disclosure.de:disclosure_claims_human',
    ]);
    for (const violation of violations) expect(violation.message.length).toBeGreaterThan(0);
  });

  it('never throws on garbage, whatever shape the request body has', () => {
    const random = gaussian(42);
    const byte = (): number => Math.floor(Math.abs(random()) * 1_000) & 0xff;
    const garbageString = (length: number): string =>
      String.fromCharCode(...Array.from({ length }, () => Math.floor(Math.abs(random()) * 20_000) % 0xffff));
    const png = encodePng(24, 24, icon);
    const idatAt = png.indexOf('IDAT') - 4;
    const idatLength = png.readUInt32BE(idatAt);
    const candidates: unknown[] = [undefined, null, 0, NaN, [], {}, true, 'data:', 'data:image/png;base64,'];
    for (let i = 0; i < 100; i++) {
      const noise = Buffer.from(Array.from({ length: 64 }, byte));
      // A corrupted IDAT with a valid CRC reaches the inflater and the un-filter.
      const idat = Buffer.from(png.subarray(idatAt + 8, idatAt + 8 + idatLength));
      idat[byte() % idat.length] ^= 1 + byte();
      const mutated = Buffer.concat([png.subarray(0, idatAt), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
      candidates.push(
        garbageString(i % 50),
        `data:image/${['png', 'webp', 'svg+xml'][i % 3]};base64,${noise.toString('base64')}`,
        dataUri('image/webp', Buffer.concat([Buffer.from('RIFF\u00ff\u0000\u0000\u0000WEBPVP8L'), noise])),
        dataUri('image/png', Buffer.concat([PNG_SIGNATURE, noise])),
        dataUri('image/png', mutated),
      );
    }
    const drafts = candidates.flatMap((value) => [
      value,
      { name: value, avatar: value, tone: value, disclosure: value },
      { ...valid, avatar: value },
      { ...valid, disclosure: { en: value, de: value } },
    ]);
    const results = drafts.map((draft) => validatePersona(draft as PersonaDraft));
    expect(results.every((violations) => Array.isArray(violations))).toBe(true);
  });
});
