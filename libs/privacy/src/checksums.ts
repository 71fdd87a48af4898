/** Luhn (mod 10) over a string of digits: payment cards pass it, most other long numbers do not. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** IBAN lengths by country (ISO 13616), for the countries Candor's users are most likely to type. */
const IBAN_LENGTHS: Record<string, number> = {
  AT: 20,
  BE: 16,
  CH: 21,
  CZ: 24,
  DE: 22,
  DK: 18,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GR: 27,
  IE: 22,
  IT: 27,
  LU: 20,
  MC: 27,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  SE: 24,
};

/** ISO 13616 mod-97 check on an IBAN without spaces. */
export function isValidIban(compact: string): boolean {
  const iban = compact.toUpperCase();
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) return false;
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/**
 * The key of a French social-security number (NIR, 15 characters without
 * spaces): 97 minus the first 13 digits mod 97, with Corsica's 2A/2B read as
 * 19/18.
 */
export function isValidNir(compact: string): boolean {
  const nir = compact.toUpperCase();
  if (!/^[12]\d{4}(?:\d{2}|2A|2B)\d{8}$/.test(nir)) return false;
  const digits = nir
    .slice(0, 13)
    .replace(/^(\d{5})2A/, '$119')
    .replace(/^(\d{5})2B/, '$118');
  return 97 - (Number(digits) % 97) === Number(nir.slice(13));
}

/**
 * German tax identification number (Steuer-ID): 11 digits, the first not 0, check digit by ISO/IEC 7064
 * MOD 11,10, and among the first ten digits one digit appears two or three times (the rest at most once).
 */
export function isValidGermanTaxId(digits: string): boolean {
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  const counts = new Map<string, number>();
  for (const digit of digits.slice(0, 10)) counts.set(digit, (counts.get(digit) ?? 0) + 1);
  const repeated = [...counts.values()].filter((count) => count > 1);
  if (repeated.length !== 1 || repeated[0] > 3) return false;
  let product = 10;
  for (const digit of digits.slice(0, 10)) {
    const sum = (Number(digit) + product) % 10 || 10;
    product = (sum * 2) % 11;
  }
  const check = (11 - product) % 10;
  return check === Number(digits[10]);
}
