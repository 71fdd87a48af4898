import type { Finding } from '../categories';
import { isValidIban, passesLuhn } from '../checksums';
import { fold, matchesOf } from '../text';
import { contextBefore } from './context';

/** Words that make a number a reference of the business, not something about a person. */
const REFERENCE_WORDS =
  /(order|invoice|ticket|tracking|reference|ref|case|booking|reservation|confirmation|customer|account|client|kunden|kundennummer|bestellung|rechnung|auftrag|sendung|vertrag|commande|facture|suivi|contrat|cliente|pedido|factura|seguimiento|reserva|nº de pedido|n° de commande)\W{0,3}(?:no\.?|nr\.?|number|nummer|numero|n[º°o]\.?|#|id)?\W{0,3}$/;

function isReference(text: string, start: number): boolean {
  return REFERENCE_WORDS.test(fold(text.slice(Math.max(0, start - 40), start)).trimEnd());
}

/** Issuer prefixes and the lengths they issue: Visa, Mastercard, Amex, Diners, Discover, JCB, UnionPay, Maestro. */
const CARD_NUMBER =
  /^(?:4(?:\d{12}|\d{15}|\d{18})|5[1-5]\d{14}|(?:222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)\d{12}|3[47]\d{13}|3(?:0[0-5]|[68]\d)\d{11,16}|(?:6011|64[4-9]|65|62|35(?:2[89]|[3-8]\d)|5[06-8])\d{10,17})$/;
/** How cards are written: no gaps, groups of four, or Amex/Diners 4-6-5 and 4-6-4. */
const CARD_GROUPING = /^(?:\d+|\d{4}([ -])\d{4}\1\d{4}\1\d{1,4}(?:\1\d{1,3})?|\d{4}([ -])\d{6}\2\d{4,5})$/;

export function findCards(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of matchesOf(/(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g, text)) {
    const digits = match[0].replace(/\D/g, '');
    const context = contextBefore(text, match.index);
    // An order or tracking number can pass Luhn by chance (one in ten): its keyword says what it is.
    if (
      passesLuhn(digits) &&
      !/^(\d)\1+$/.test(digits) &&
      CARD_NUMBER.test(digits) &&
      context !== 'reference' &&
      context !== 'phone' &&
      // 13-digit Visa numbers are rare now, and EAN-13 barcodes share the length: only with a card word.
      (context === 'card' || (digits.length > 13 && CARD_GROUPING.test(match[0])))
    ) {
      findings.push({ category: 'card', start: match.index, end: match.index + match[0].length });
    }
  }
  return findings;
}

/** People type IBANs in lower case too ("de44 5001 …"); the mod-97 check keeps ordinary words out. */
const IBAN_SHAPE = /\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}/g;

export function findIbans(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of matchesOf(IBAN_SHAPE, text)) {
    // The greedy match may run into the next word: the longest prefix that checks out is the IBAN.
    for (let length = match[0].length; length >= 15; length--) {
      const candidate = match[0].slice(0, length);
      if (/[A-Za-z0-9]$/.test(candidate) && isValidIban(candidate.replace(/ /g, '').toUpperCase())) {
        findings.push({ category: 'iban', start: match.index, end: match.index + length });
        break;
      }
    }
  }
  return findings;
}

export function findSsns(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of matchesOf(/(?<![\d-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])/g, text)) {
    const context = contextBefore(text, match.index);
    if (!isReference(text, match.index) && context !== 'reference' && context !== 'phone') {
      findings.push({ category: 'ssn', start: match.index, end: match.index + match[0].length });
    }
  }
  return findings;
}

export function findEmails(text: string): Finding[] {
  // Starting only where a run of address characters starts keeps long runs linear.
  return [...matchesOf(/(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/gi, text)].map((match) => ({
    category: 'email' as const,
    start: match.index,
    end: match.index + match[0].length,
  }));
}
