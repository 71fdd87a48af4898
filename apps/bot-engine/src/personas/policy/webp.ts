/**
 * What a WebP container holds, read from its chunk headers only (no pixel decoding):
 * - 'lossy': a VP8 bitstream, the camera-photo codec (also inside VP8X with alpha);
 * - 'palette': lossless VP8L whose first transform is colour indexing, i.e. at most 256 colours: artwork;
 * - 'lossless': other VP8L, whose pixels cannot be judged without a full VP8L decoder;
 * - 'invalid': not a still WebP within the limits (animations included).
 */
export type WebpKind =
  { kind: 'lossy' } | { kind: 'palette' } | { kind: 'lossless' } | { kind: 'invalid'; reason: string };

const COLOUR_INDEXING_TRANSFORM = 3;

export function inspectWebp(bytes: Buffer, maxDimension: number): WebpKind {
  if (bytes.length < 20 || bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WEBP') {
    return invalid('not a WebP file');
  }
  if (bytes.readUInt32LE(4) + 8 > bytes.length) return invalid('truncated RIFF container');
  for (let offset = 12; offset + 8 <= bytes.length;) {
    const type = bytes.toString('latin1', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = bytes.subarray(offset + 8, offset + 8 + size);
    if (body.length !== size) return invalid(`truncated ${type} chunk`);
    if (type === 'VP8X') {
      if (size < 10) return invalid('bad VP8X chunk');
      if ((body[0] & 0x02) !== 0) return invalid('animated WebP is not supported');
      const width = body.readUIntLE(4, 3) + 1;
      const height = body.readUIntLE(7, 3) + 1;
      if (width > maxDimension || height > maxDimension) return invalid(`dimensions ${width}×${height} too large`);
    } else if (type === 'VP8 ') {
      return { kind: 'lossy' };
    } else if (type === 'VP8L') {
      return inspectLossless(body, maxDimension);
    } else if (type === 'ANIM' || type === 'ANMF') {
      return invalid('animated WebP is not supported');
    }
    offset += 8 + size + (size % 2);
  }
  return invalid('no image bitstream');
}

/** VP8L header: signature 0x2f, 14+14 bits of size − 1, alpha bit, 3-bit version; then the first transform. */
function inspectLossless(body: Buffer, maxDimension: number): WebpKind {
  if (body.length < 6 || body[0] !== 0x2f) return invalid('bad VP8L header');
  const bits = body.readUInt32LE(1);
  const width = (bits & 0x3fff) + 1;
  const height = ((bits >>> 14) & 0x3fff) + 1;
  if (bits >>> 29 !== 0) return invalid('unknown VP8L version');
  if (width > maxDimension || height > maxDimension) return invalid(`dimensions ${width}×${height} too large`);
  const transformPresent = (body[5] & 1) === 1;
  const transform = (body[5] >> 1) & 0x3;
  if (!transformPresent || transform !== COLOUR_INDEXING_TRANSFORM) return { kind: 'lossless' };
  return { kind: 'palette' };
}

function invalid(reason: string): WebpKind {
  return { kind: 'invalid', reason };
}
