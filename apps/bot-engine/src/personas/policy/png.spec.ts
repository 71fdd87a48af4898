import { chunk, encodePng, Painter } from './png-fixtures';
import { decodePng, PNG_SIGNATURE } from './png';

const paint: Painter = (x, y) => [(x * 37) & 0xff, (y * 53) & 0xff, (x * y) & 0xff, (x + y * 7) & 0xff];

describe('PNG decoder', () => {
  it('round-trips RGBA through all five scanline filters', () => {
    const result = decodePng(encodePng(13, 11, paint), 1024);
    if (!result.ok) throw new Error(result.reason);
    expect(result.image).toMatchObject({ width: 13, height: 11 });
    expect(Array.from(result.image.rgba.subarray((5 * 13 + 7) * 4, (5 * 13 + 8) * 4))).toEqual(paint(7, 5));
  });

  it.each([
    [0, [200, 200, 200, 255]],
    [2, [10, 20, 30, 255]],
    [3, [10, 20, 30, 128]],
    [4, [90, 90, 90, 40]],
  ] as const)('decodes colour type %i to RGBA', (colourType, rgba) => {
    const result = decodePng(
      encodePng(9, 7, () => [...rgba], { colourType }),
      1024,
    );
    if (!result.ok) throw new Error(result.reason);
    expect(Array.from(result.image.rgba.subarray(0, 4))).toEqual(rgba);
  });

  it.each([
    ['interlaced', { interlace: 1 }, /interlaced/],
    ['16-bit', { bitDepth: 16 }, /bit depth 16/],
    ['1-bit', { bitDepth: 1 }, /bit depth 1/],
  ])('refuses %s images', (_, options, reason) => {
    expect(decodePng(encodePng(8, 8, paint, options), 1024)).toEqual({
      ok: false,
      reason: expect.stringMatching(reason),
    });
  });

  it('refuses images beyond the dimension limit before inflating them', () => {
    expect(decodePng(encodePng(20, 3, paint), 16)).toMatchObject({ ok: false, reason: expect.stringMatching(/20×3/) });
  });

  it('reports truncation, bad CRCs, bad data and missing palettes without throwing', () => {
    const png = encodePng(16, 16, paint);
    for (let cut = 0; cut < png.length; cut += 7) expect(decodePng(png.subarray(0, cut), 1024).ok).toBe(false);
    const flipped = Buffer.from(png);
    flipped[40] ^= 0xff;
    expect(decodePng(flipped, 1024)).toMatchObject({ ok: false });

    const ihdr = png.subarray(8, 8 + 25);
    const iend = chunk('IEND', Buffer.alloc(0));
    const garbage = Buffer.concat([PNG_SIGNATURE, ihdr, chunk('IDAT', Buffer.from('not zlib')), iend]);
    expect(decodePng(garbage, 1024)).toEqual({ ok: false, reason: 'image data does not inflate' });

    const paletteHeader = Buffer.from(encodePng(2, 2, paint, { colourType: 3 }).subarray(8, 8 + 25));
    const noPalette = Buffer.concat([PNG_SIGNATURE, paletteHeader, png.subarray(8 + 25)]);
    expect(decodePng(noPalette, 1024)).toMatchObject({ ok: false });
  });
});
