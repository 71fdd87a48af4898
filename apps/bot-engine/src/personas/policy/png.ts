import { inflateSync } from 'zlib';

/** Straight (not premultiplied) RGBA, 4 bytes per pixel, row by row. */
export interface DecodedImage {
  width: number;
  height: number;
  rgba: Uint8Array;
}

export type PngResult = { ok: true; image: DecodedImage } | { ok: false; reason: string };

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Samples per pixel by colour type: grey, RGB, palette index, grey+alpha, RGBA. */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const KNOWN_CRITICAL_CHUNKS = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND']);

interface Header {
  width: number;
  height: number;
  colourType: number;
}

/**
 * Decodes the PNG subset avatars need (8-bit, non-interlaced, colour types 0/2/3/4/6). Anything else, and any
 * corruption (bad CRC, truncation, wrong data length), is reported, never thrown.
 */
export function decodePng(bytes: Buffer, maxDimension: number): PngResult {
  if (bytes.length < PNG_SIGNATURE.length || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    return fail('not a PNG');
  }
  let header: Header | null = null;
  let palette: Buffer | null = null;
  let paletteAlpha: Buffer | null = null;
  const data: Buffer[] = [];
  let offset = PNG_SIGNATURE.length;
  for (;;) {
    if (offset + 12 > bytes.length) return fail('truncated: no IEND chunk');
    const length = bytes.readUInt32BE(offset);
    const end = offset + 12 + length;
    if (end > bytes.length) return fail('truncated chunk');
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== bytes.readUInt32BE(offset + 8 + length)) {
      return fail(`bad CRC in ${type}`);
    }
    offset = end;
    if (header === null) {
      if (type !== 'IHDR' || length !== 13) return fail('IHDR must come first');
      const parsed = parseHeader(body, maxDimension);
      if (typeof parsed === 'string') return fail(parsed);
      header = parsed;
    } else if (type === 'PLTE') {
      if (length % 3 !== 0 || length === 0 || length > 768) return fail('bad palette');
      palette = body;
    } else if (type === 'tRNS' && header.colourType === 3) {
      paletteAlpha = body;
    } else if (type === 'IDAT') {
      data.push(body);
    } else if (type === 'IEND') {
      break;
    } else if (/^[A-Z]/.test(type) && !KNOWN_CRITICAL_CHUNKS.has(type)) {
      return fail(`unknown critical chunk ${type}`);
    }
  }
  if (header === null || data.length === 0) return fail('no image data');
  if (header.colourType === 3 && palette === null) return fail('palette image without PLTE');

  const channels = CHANNELS[header.colourType];
  const stride = header.width * channels;
  const expected = header.height * (stride + 1);
  let raw: Buffer;
  try {
    // The cap stops a decompression bomb before it allocates.
    raw = inflateSync(Buffer.concat(data), { maxOutputLength: expected });
  } catch {
    return fail('image data does not inflate');
  }
  if (raw.length !== expected) return fail('image data has the wrong length');
  const samples = unfilter(raw, header.height, stride, channels);
  if (samples === null) return fail('unknown scanline filter');
  const rgba = toRgba(samples, header, palette, paletteAlpha);
  if (rgba === null) return fail('palette index out of range');
  return { ok: true, image: { width: header.width, height: header.height, rgba } };
}

function parseHeader(body: Buffer, maxDimension: number): Header | string {
  const width = body.readUInt32BE(0);
  const height = body.readUInt32BE(4);
  const [bitDepth, colourType, compression, filter, interlace] = body.subarray(8, 13);
  if (width === 0 || height === 0 || width > maxDimension || height > maxDimension) {
    return `dimensions ${width}×${height} outside 1–${maxDimension}`;
  }
  if (CHANNELS[colourType] === undefined) return `colour type ${colourType} is invalid`;
  if (bitDepth !== 8) return `bit depth ${bitDepth} is not supported (8 only)`;
  if (compression !== 0 || filter !== 0) return 'unknown compression or filter method';
  if (interlace !== 0) return 'interlaced images are not supported';
  return { width, height, colourType };
}

/** Reverses the per-scanline filters (None, Sub, Up, Average, Paeth) into a fresh buffer. */
function unfilter(raw: Buffer, height: number, stride: number, bpp: number): Uint8Array | null {
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const up = row - stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[row + x - bpp] : 0;
      const b = y > 0 ? out[up + x] : 0;
      const c = x >= bpp && y > 0 ? out[up + x - bpp] : 0;
      let predictor: number;
      if (filter === 0) predictor = 0;
      else if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) predictor = paeth(a, b, c);
      else return null;
      out[row + x] = (raw[src + x] + predictor) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

function toRgba(samples: Uint8Array, header: Header, palette: Buffer | null, alpha: Buffer | null): Uint8Array | null {
  const pixels = header.width * header.height;
  const rgba = new Uint8Array(pixels * 4);
  const channels = CHANNELS[header.colourType];
  for (let i = 0; i < pixels; i++) {
    const s = i * channels;
    const d = i * 4;
    switch (header.colourType) {
      case 0:
      case 4:
        rgba[d] = rgba[d + 1] = rgba[d + 2] = samples[s];
        rgba[d + 3] = header.colourType === 4 ? samples[s + 1] : 255;
        break;
      case 2:
      case 6:
        rgba[d] = samples[s];
        rgba[d + 1] = samples[s + 1];
        rgba[d + 2] = samples[s + 2];
        rgba[d + 3] = header.colourType === 6 ? samples[s + 3] : 255;
        break;
      default: {
        const index = samples[s];
        if (palette === null || index * 3 >= palette.length) return null;
        rgba[d] = palette[index * 3];
        rgba[d + 1] = palette[index * 3 + 1];
        rgba[d + 2] = palette[index * 3 + 2];
        rgba[d + 3] = alpha !== null && index < alpha.length ? alpha[index] : 255;
      }
    }
  }
  return rgba;
}

let crcTable: Uint32Array | null = null;

/** CRC-32 as PNG chunks use it (zlib.crc32 needs Node 22). */
export function crc32(bytes: Uint8Array): number {
  if (crcTable === null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function fail(reason: string): PngResult {
  return { ok: false, reason };
}
