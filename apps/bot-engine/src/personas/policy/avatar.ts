import { looksPhotographic, measure } from './photo-metrics';
import { decodePng, PNG_SIGNATURE } from './png';
import { sanitizeSvg } from './svg';
import { PersonaViolation } from './types';
import { inspectWebp } from './webp';

export const MAX_AVATAR_BYTES = 256 * 1024;
export const MAX_AVATAR_DIMENSION = 1024;

/** Base64 inflates by 4/3 and URL-encoding by up to 3: longer strings cannot decode within the limit. */
const MAX_AVATAR_URI_LENGTH = MAX_AVATAR_BYTES * 3 + 256;
const DATA_URI = /^data:([\w.+-]+\/[\w.+-]+)((?:;[^;,]*)*),/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);

type Format = 'png' | 'webp' | 'svg';
const FORMATS: Readonly<Record<string, Format>> = { 'image/png': 'png', 'image/webp': 'webp', 'image/svg+xml': 'svg' };

/**
 * Checks the avatar: a data URI that decodes to at most 256 KiB of PNG, WebP or SVG, and that is not a photograph.
 * The bytes decide, not the declared type: a JPEG is refused as photographic whatever it is labelled.
 */
export function checkAvatar(avatar: unknown): PersonaViolation[] {
  if (avatar === null) return [];
  if (typeof avatar !== 'string') return [unsupported('The avatar must be a data URI or null.')];
  if (avatar.length > MAX_AVATAR_URI_LENGTH) return [unsupported('The avatar is larger than 256 KiB.')];
  const match = DATA_URI.exec(avatar);
  if (match === null) return [unsupported('The avatar must be a data: URI.')];
  const declared = match[1].toLowerCase();
  const base64 = match[2].toLowerCase().split(';').includes('base64');
  const bytes = decodePayload(avatar.slice(match[0].length), base64);
  if (bytes === null) return [unsupported('The avatar data cannot be decoded.')];
  if (bytes.length > MAX_AVATAR_BYTES) return [unsupported('The avatar is larger than 256 KiB.')];
  if (bytes.subarray(0, 3).equals(JPEG_MAGIC) || declared === 'image/jpeg' || declared === 'image/jpg') {
    return [photographic('JPEG is a photographic format; use an illustration as PNG, WebP (lossless) or SVG.')];
  }
  const format = FORMATS[declared];
  if (format === undefined) return [unsupported('The avatar must be image/png, image/webp or image/svg+xml.')];
  if (!base64 && format !== 'svg') return [unsupported('PNG and WebP avatars must be base64-encoded.')];
  return checkFormat(format, bytes);
}

function checkFormat(format: Format, bytes: Buffer): PersonaViolation[] {
  if (format === 'svg') {
    const sanitized = sanitizeSvg(bytes.toString('utf8'));
    return sanitized.ok ? [] : [unsupported(`${sanitized.problem}.`)];
  }
  if (format === 'webp') {
    const webp = inspectWebp(bytes, MAX_AVATAR_DIMENSION);
    if (webp.kind === 'lossy') return [photographic('Lossy WebP is the photographic codec; use lossless WebP or PNG.')];
    if (webp.kind === 'lossless') {
      return [unsupported('Lossless WebP without a palette cannot be checked; use PNG, SVG or a ≤256-colour WebP.')];
    }
    return webp.kind === 'invalid' ? [unsupported(`Invalid WebP: ${webp.reason}.`)] : [];
  }
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return [unsupported('The avatar is not a PNG file.')];
  const png = decodePng(bytes, MAX_AVATAR_DIMENSION);
  if (!png.ok) return [unsupported(`Unsupported PNG: ${png.reason}.`)];
  return looksPhotographic(measure(png.image))
    ? [photographic('The avatar looks like a photograph; a bot must not show a human-looking photo.')]
    : [];
}

/**
 * The avatar as it is stored and served, once `checkAvatar` found nothing wrong: an SVG is written out again
 * from its allow-list (what is served is exactly what was checked), as base64; PNG and WebP are kept as sent.
 */
export function normaliseAvatar(avatar: string | null): string | null {
  const match = avatar === null ? null : DATA_URI.exec(avatar);
  if (avatar === null || match === null || FORMATS[match[1].toLowerCase()] !== 'svg') return avatar;
  const bytes = decodePayload(avatar.slice(match[0].length), match[2].toLowerCase().split(';').includes('base64'));
  const sanitized = bytes === null ? null : sanitizeSvg(bytes.toString('utf8'));
  if (!sanitized?.ok) throw new Error('normaliseAvatar needs an avatar that checkAvatar accepted');
  return `data:image/svg+xml;base64,${Buffer.from(sanitized.svg, 'utf8').toString('base64')}`;
}

function decodePayload(payload: string, base64: boolean): Buffer | null {
  if (!base64) {
    try {
      return Buffer.from(decodeURIComponent(payload), 'utf8');
    } catch {
      return null;
    }
  }
  const compact = payload.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return null;
  return Buffer.from(compact, 'base64');
}

function unsupported(message: string): PersonaViolation {
  return { field: 'avatar', code: 'avatar_unsupported', message };
}

function photographic(message: string): PersonaViolation {
  return { field: 'avatar', code: 'avatar_photographic', message };
}
