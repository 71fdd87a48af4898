import type { FieldKind } from './playbook.types';

const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL = /^(xn--[a-z0-9-]+|[a-z]{2,63})$/;
const PHONE_CHARACTERS = /^\+?[0-9 ().-]+$/;
const NAME = /^[\p{L}\p{M}' ’-]+$/u;

function email(raw: string): string | null {
  const value = raw.trim();
  if (value.length > 254) return null;
  const parts = value.split('@');
  if (parts.length !== 2) return null;
  const [local, domain] = [parts[0], parts[1].toLowerCase()];
  if (local.length > 64 || !EMAIL_LOCAL.test(local)) return null;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return null;
  return TOP_LEVEL.test(labels[labels.length - 1]) ? `${local}@${domain}` : null;
}

function phone(raw: string): string | null {
  const value = raw.trim();
  if (value.length > 40 || !PHONE_CHARACTERS.test(value)) return null;
  const digits = value.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return null;
  // Only a leading + makes a number international; a national number is kept as its digits.
  return value.startsWith('+') ? `+${digits}` : digits;
}

function name(raw: string): string | null {
  const value = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (value.length === 0 || Array.from(value).length > 80 || !NAME.test(value)) return null;
  return /\p{L}/u.test(value) ? value : null;
}

function text(raw: string): string | null {
  const value = raw.trim();
  return value.length > 0 && Array.from(value).length <= 1000 ? value : null;
}

const VALIDATORS: Record<FieldKind, (raw: string) => string | null> = { email, phone, name, text };

/** The normalised value, or null when the input is not a valid value of the field. */
export function normaliseField(field: FieldKind, raw: string): string | null {
  return VALIDATORS[field](raw);
}
