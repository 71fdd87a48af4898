import { checkAvatar, normaliseAvatar } from './avatar';
import { clamp, dataUri, encodePng, gaussian, Painter, Rgba, vp8l, webp } from './png-fixtures';

const codes = (avatar: unknown): string[] => checkAvatar(avatar).map((violation) => violation.code);
const png = (width: number, height: number, paint: Painter): string =>
  dataUri('image/png', encodePng(width, height, paint));
/** Anti-aliasing coverage of a pixel whose centre is `distance` outside a shape's edge. */
const coverage = (distance: number): number => Math.max(0, Math.min(1, 0.5 - distance));

const flatIcon: Painter = (x, y) => (Math.hypot(x - 32, y - 32) < 20 ? [255, 255, 255, 255] : [30, 90, 200, 255]);
const gradientLogo: Painter = (x, y) => {
  const t = (x + y) / 254;
  const alpha = coverage(Math.hypot(x - 64, y - 64) - 50);
  return [clamp(255 - 135 * t), clamp(100 - 100 * t), clamp(200 * t), clamp(255 * alpha)];
};
const twoDimensionalGradient: Painter = (x, y) => [x, y, 128, 255];
const illustration: Painter = (x, y) => {
  const circles: [number, number, number, Rgba][] = [
    [80, 80, 60, [230, 60, 60, 255]],
    [170, 100, 70, [60, 160, 80, 255]],
    [128, 180, 50, [250, 200, 40, 255]],
  ];
  let pixel = [245, 240, 230];
  for (const [cx, cy, r, colour] of circles) {
    const a = coverage(Math.hypot(x - cx, y - cy) - r);
    pixel = pixel.map((v, i) => v * (1 - a) + colour[i] * a);
  }
  return [clamp(pixel[0]), clamp(pixel[1]), clamp(pixel[2]), 255];
};
/** A smooth "scene" plus Gaussian sensor noise of `sigma` levels per channel. */
const photo =
  (sigma: number, seed: number): Painter =>
  (x, y) => {
    const noise = gaussian(seed + x * 1_000 + y);
    const r = 140 + 70 * Math.sin(x / 23 + 1) * Math.cos(y / 19);
    const g = 110 + 50 * Math.sin(y / 15);
    const b = 90 + 60 * Math.cos((x + y) / 31);
    return [clamp(r + sigma * noise()), clamp(g + sigma * noise()), clamp(b + sigma * noise()), 255];
  };
const portraitOnWhite: Painter = (x, y) => {
  if (((x - 64) / 35) ** 2 + ((y - 70) / 50) ** 2 > 1) return [255, 255, 255, 255];
  return photo(5, 7)(x, y);
};
const greyPhoto: Painter = (x, y) => {
  const v = clamp(128 + 80 * Math.sin(x / 11) * Math.sin(y / 14) + 2 * gaussian(x * 977 + y)());
  return [v, v, v, 255];
};

describe('avatar', () => {
  it('accepts no avatar', () => {
    expect(codes(null)).toEqual([]);
  });

  describe('PNG', () => {
    it.each([
      ['a flat two-colour icon', png(64, 64, flatIcon)],
      ['an anti-aliased gradient logo on transparency', png(128, 128, gradientLogo)],
      ['a two-dimensional colour gradient', png(256, 256, twoDimensionalGradient)],
      ['an illustration of overlapping anti-aliased shapes', png(256, 256, illustration)],
      [
        'random two-colour pixels (a QR-like pattern)',
        png(64, 64, (x, y) => ((x * 7 + y * 13) % 5 < 2 ? [0, 0, 0, 255] : [255, 255, 255, 255])),
      ],
      ['a palette icon', dataUri('image/png', encodePng(64, 64, flatIcon, { colourType: 3 }))],
      [
        'a 1024×1024 flat image (sampled on a grid)',
        png(1024, 1024, (x) => (x < 512 ? [0, 0, 0, 255] : [255, 0, 0, 255])),
      ],
    ])('accepts %s', (_, avatar) => {
      expect(codes(avatar)).toEqual([]);
    });

    it.each([
      ['a noisy photo-like 128×128 image', png(128, 128, photo(8, 1))],
      ['a soft photo with faint grain', png(128, 128, photo(2, 2))],
      ['a subject on a flat white background', png(128, 128, portraitOnWhite)],
      ['a greyscale photo', dataUri('image/png', encodePng(96, 96, greyPhoto, { colourType: 0 }))],
      ['heavy noise', png(64, 64, photo(40, 3))],
    ])('rejects %s as photographic', (_, avatar) => {
      expect(codes(avatar)).toEqual(['avatar_photographic']);
    });

    it.each([
      ['interlaced', dataUri('image/png', encodePng(16, 16, flatIcon, { interlace: 1 }))],
      ['16-bit', dataUri('image/png', encodePng(16, 16, flatIcon, { bitDepth: 16 }))],
      ['truncated', dataUri('image/png', encodePng(64, 64, flatIcon).subarray(0, 60))],
      ['labelled PNG but a WebP', dataUri('image/png', webp(['VP8L', vp8l(8, 8, 3)]))],
      ['larger than 1024 pixels wide', png(1025, 2, flatIcon)],
    ])('refuses a %s PNG as unsupported', (_, avatar) => {
      expect(codes(avatar)).toEqual(['avatar_unsupported']);
    });
  });

  it('treats JPEG bytes as photographic, whatever the label', () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
    expect(codes(dataUri('image/jpeg', jpeg))).toEqual(['avatar_photographic']);
    expect(codes(dataUri('image/png', jpeg))).toEqual(['avatar_photographic']);
  });

  describe('WebP', () => {
    it('accepts lossless palette WebP (at most 256 colours)', () => {
      expect(codes(dataUri('image/webp', webp(['VP8L', vp8l(64, 64, 3)])))).toEqual([]);
    });

    it('rejects lossy VP8 as photographic, also inside an extended container', () => {
      const vp8x = Buffer.alloc(10);
      vp8x[0] = 0x10;
      expect(codes(dataUri('image/webp', webp(['VP8 ', Buffer.alloc(30)])))).toEqual(['avatar_photographic']);
      const extended = webp(['VP8X', vp8x], ['ALPH', Buffer.alloc(5)], ['VP8 ', Buffer.alloc(30)]);
      expect(codes(dataUri('image/webp', extended))).toEqual(['avatar_photographic']);
    });

    it.each([
      ['lossless without a palette', webp(['VP8L', vp8l(64, 64, 0)])],
      ['lossless without any transform', webp(['VP8L', vp8l(64, 64, null)])],
      ['too large', webp(['VP8L', vp8l(2000, 64, 3)])],
      ['animated', webp(['VP8X', Buffer.from([0x02, 0, 0, 0, 7, 0, 0, 7, 0, 0])], ['ANIM', Buffer.alloc(6)])],
      ['truncated', webp(['VP8L', vp8l(64, 64, 3)]).subarray(0, 24)],
      ['without a bitstream', webp(['EXIF', Buffer.alloc(4)])],
    ])('refuses %s WebP as unsupported', (_, bytes) => {
      expect(codes(dataUri('image/webp', bytes))).toEqual(['avatar_unsupported']);
    });
  });

  describe('SVG', () => {
    const svg = (body: string): string =>
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">${body}</svg>`;

    it('accepts vector artwork, base64 or URL-encoded, with local references', () => {
      const art = svg(
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#f00"/></linearGradient>' +
          '<circle id="c" cx="5" cy="5" r="4"/></defs><use href="#c" fill="url(#g)"/><use xlink:href="#c"/>',
      );
      expect(codes(dataUri('image/svg+xml', Buffer.from(art)))).toEqual([]);
      expect(codes(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(art)}`)).toEqual([]);
      expect(codes(`data:image/svg+xml,${art}`)).toEqual([]);
    });

    it.each([
      ['an embedded raster', '<image href="data:image/png;base64,iVBORw0KGgo=" width="10" height="10"/>'],
      ['a namespaced image', '<svg:image xlink:href="photo.jpg"/>'],
      ['a script', '<script>alert(1)</script>'],
      ['an event handler', '<rect width="10" height="10" onload="alert(1)"/>'],
      ['foreign content', '<foreignObject><img src="x"/></foreignObject>'],
      ['an external reference', '<use href="https://evil.example/sprite.svg#a"/>'],
      ['an external xlink reference', '<use xlink:href="sprite.svg#a"/>'],
      ['a filter image', '<filter><feImage href="#x"/></filter>'],
      ['CSS fetching a URL', '<rect style="fill:url(https://evil.example/x.png)"/>'],
      ['a javascript: URL', '<a href="javascript:alert(1)"><rect/></a>'],
    ])('refuses %s as unsupported', (_, body) => {
      expect(codes(dataUri('image/svg+xml', Buffer.from(svg(body))))).toEqual(['avatar_unsupported']);
    });

    it.each([
      ['an animation that rewrites a link', '<set attributeName="href" to="&#106;avascript:alert(1)"/>'],
      ['an entity-encoded javascript: link in an anchor', '<a href="&#106;avascript:alert(1)"><rect/></a>'],
      ['a stylesheet importing another', '<style>@import url(https://evil.example/a.css);</style>'],
      ['an unknown element', '<marquee>hi</marquee>'],
      ['an unknown attribute', '<rect formaction="x"/>'],
    ])('refuses %s, whatever the encoding', (_, body) => {
      expect(codes(dataUri('image/svg+xml', Buffer.from(svg(body))))).toEqual(['avatar_unsupported']);
    });

    it('stores what it checked: the artwork written out again, editor metadata dropped', () => {
      const art =
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" ' +
        'xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" inkscape:version="1.3">' +
        '<inkscape:grid spacing="1"><inkscape:note/></inkscape:grid>' +
        '<g inkscape:label="Layer 1"><circle id="c" cx="5" cy="5" r="4" fill="#0a0"/><use xlink:href="#c"/></g>' +
        '<text x="1" y="9">a &amp; b</text></svg>';
      const stored = normaliseAvatar(`data:image/svg+xml,${encodeURIComponent(art)}`)!;
      expect(stored).toMatch(/^data:image\/svg\+xml;base64,/);
      expect(Buffer.from(stored.split(',')[1], 'base64').toString()).toBe(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g><circle id="c" cx="5" cy="5" r="4" ' +
          'fill="#0a0"/><use href="#c"/></g><text x="1" y="9">a &amp; b</text></svg>',
      );
      const png = dataUri('image/png', Buffer.from('not checked here'));
      expect(normaliseAvatar(png)).toBe(png);
      expect(normaliseAvatar(null)).toBeNull();
    });

    it('refuses a DOCTYPE with entities and a document that is not SVG', () => {
      const bomb = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]>${svg('<text>&a;</text>')}`;
      expect(codes(dataUri('image/svg+xml', Buffer.from(bomb)))).toEqual(['avatar_unsupported']);
      expect(codes(dataUri('image/svg+xml', Buffer.from('<html></html>')))).toEqual(['avatar_unsupported']);
    });
  });

  it.each([
    ['more than 256 KiB decoded', dataUri('image/svg+xml', Buffer.from(`<svg>${' '.repeat(256 * 1024)}</svg>`))],
    ['an over-long URI', `data:image/svg+xml,${'%20'.repeat(300 * 1024)}`],
    ['an http URL', 'https://example.com/avatar.png'],
    ['another image type', dataUri('image/gif', Buffer.from('GIF89a'))],
    ['invalid base64', 'data:image/png;base64,@@@@'],
    ['a broken percent-encoding', 'data:image/svg+xml,%E0%A4%A'],
    ['a URL-encoded PNG', `data:image/png,${encodeURIComponent('\u0089PNG')}`],
    ['a number', 42],
  ])('refuses %s as unsupported', (_, avatar) => {
    expect(codes(avatar)).toEqual(['avatar_unsupported']);
  });
});
