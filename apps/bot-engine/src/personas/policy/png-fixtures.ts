/* Test-only helpers (used by the specs): build PNG, WebP and data-URI fixtures in memory. */
import { deflateSync } from 'zlib';
import { crc32, PNG_SIGNATURE } from './png';

export type Rgba = [number, number, number, number];
export type Painter = (x: number, y: number) => Rgba;

export interface PngOptions {
  /** 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA (default). */
  colourType?: 0 | 2 | 3 | 4 | 6;
  bitDepth?: number;
  interlace?: number;
}

const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as const;

/** Encodes a PNG, cycling through the five scanline filters so decoding exercises all of them. */
export function encodePng(width: number, height: number, paint: Painter, options: PngOptions = {}): Buffer {
  const colourType = options.colourType ?? 6;
  const channels = CHANNELS[colourType];
  const palette: Rgba[] = [];
  const samples = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b, a] = paint(x, y);
      const at = (y * width + x) * channels;
      if (colourType === 3) {
        let index = palette.findIndex((c) => c[0] === r && c[1] === g && c[2] === b && c[3] === a);
        if (index < 0) index = palette.push([r, g, b, a]) - 1;
        samples[at] = index;
      } else if (colourType === 0 || colourType === 4) {
        samples.set(colourType === 0 ? [r] : [r, a], at);
      } else {
        samples.set(colourType === 2 ? [r, g, b] : [r, g, b, a], at);
      }
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([options.bitDepth ?? 8, colourType, 0, 0, options.interlace ?? 0], 8);
  const chunks = [chunk('IHDR', ihdr)];
  if (colourType === 3) {
    chunks.push(chunk('PLTE', Buffer.from(palette.flatMap(([r, g, b]) => [r, g, b]))));
    chunks.push(chunk('tRNS', Buffer.from(palette.map((c) => c[3]))));
  }
  chunks.push(chunk('IDAT', deflateSync(filterRows(samples, width * channels, height, channels))));
  chunks.push(chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat([PNG_SIGNATURE, ...chunks]);
}

export function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function filterRows(samples: Uint8Array, stride: number, height: number, bpp: number): Buffer {
  const out = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    const filter = y % 5;
    out[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const at = y * stride + x;
      const a = x >= bpp ? samples[at - bpp] : 0;
      const b = y > 0 ? samples[at - stride] : 0;
      const c = x >= bpp && y > 0 ? samples[at - stride - bpp] : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      out[y * (stride + 1) + 1 + x] = (samples[at] - predictor) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Deterministic Gaussian noise (mulberry32 + Box–Muller), so photo-like fixtures are stable. */
export function gaussian(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967297;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

export const clamp = (v: number): number => Math.max(0, Math.min(255, Math.round(v)));

/** Builds a RIFF/WebP container from chunks. */
export function webp(...chunks: [string, Buffer][]): Buffer {
  const body = Buffer.concat(
    chunks.map(([type, data]) => {
      const head = Buffer.alloc(8);
      head.write(type, 0, 'latin1');
      head.writeUInt32LE(data.length, 4);
      return Buffer.concat([head, data, Buffer.alloc(data.length % 2)]);
    }),
  );
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(body.length + 4, 4);
  riff.write('WEBP', 8, 'latin1');
  return Buffer.concat([riff, body]);
}

/** A VP8L header for width×height whose first transform is `transform` (3 = colour indexing), or none. */
export function vp8l(width: number, height: number, transform: number | null): Buffer {
  const data = Buffer.alloc(16);
  data[0] = 0x2f;
  data.writeUInt32LE(((width - 1) | ((height - 1) << 14)) >>> 0, 1);
  data[5] = transform === null ? 0 : 1 | (transform << 1) | (15 << 3);
  return data;
}

export function dataUri(mime: string, bytes: Buffer): string {
  return `data:${mime};base64,${bytes.toString('base64')}`;
}
