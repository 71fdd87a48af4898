import { isIPv6 } from 'node:net';
import type { Finding } from '../categories';
import { isValidIban, passesLuhn } from '../checksums';
import { fold, matchesOf } from '../text';

/** Words that make a number a reference of the business, not something about a person. */
const REFERENCE_WORDS =
  /(order|invoice|ticket|tracking|reference|ref|case|booking|reservation|confirmation|customer|account|client|kunden|kundennummer|bestellung|rechnung|auftrag|sendung|vertrag|commande|facture|suivi|contrat|cliente|pedido|factura|seguimiento|reserva|nº de pedido|n° de commande)\W{0,3}(?:no\.?|nr\.?|number|nummer|numero|n[º°o]\.?|#|id)?\W{0,3}$/;

function isReference(text: string, start: number): boolean {
  return REFERENCE_WORDS.test(fold(text.slice(Math.max(0, start - 40), start)).trimEnd());
}

export function findCards(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of matchesOf(/(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g, text)) {
    const digits = match[0].replace(/\D/g, '');
    if (passesLuhn(digits) && !/^(\d)\1+$/.test(digits)) {
      findings.push({ category: 'card', start: match.index, end: match.index + match[0].length });
    }
  }
  return findings;
}

export function findIbans(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of matchesOf(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}/g, text)) {
    // The greedy match may run into the next word: the longest prefix that checks out is the IBAN.
    for (let length = match[0].length; length >= 15; length--) {
      const candidate = match[0].slice(0, length);
      if (/[A-Z0-9]$/.test(candidate) && isValidIban(candidate.replace(/ /g, ''))) {
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
    if (!isReference(text, match.index)) {
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

export function findPhones(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of matchesOf(/(?<![\w+.,/:-])(?:\+|00)?\d(?:[ ()./-]{0,3}\d){8,14}(?![\w.,/:-]*\d)/g, text)) {
    const digits = match[0].replace(/\D/g, '');
    const international = /^(\+|00)/.test(match[0]);
    const grouped = /[ ()./-]/.test(match[0]);
    // National numbers: with a trunk 0 (most of Europe), 10 grouped digits (North America), or
    // 9 grouped digits starting 6–9 (Spain). Anything else is an id or an amount.
    const national =
      digits.startsWith('0') ||
      (grouped && digits.length === 10) ||
      (grouped && digits.length === 9 && /^[6-9]/.test(digits));
    const timestamp = /\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(
      text.slice(Math.max(0, match.index - 11), match.index + match[0].length + 9),
    );
    if (
      (international || national) &&
      !timestamp &&
      digits.length >= 9 &&
      digits.length <= 15 &&
      !isReference(text, match.index)
    ) {
      findings.push({ category: 'phone', start: match.index, end: match.index + match[0].length });
    }
  }
  return findings;
}

export function findIps(text: string): Finding[] {
  const findings: Finding[] = [];
  const octet = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
  for (const match of matchesOf(new RegExp(`(?<![\\d.])${octet}(?:\\.${octet}){3}(?![\\d.]*\\d)`, 'g'), text)) {
    findings.push({ category: 'ip', start: match.index, end: match.index + match[0].length });
  }
  for (const match of matchesOf(/(?<![\w:])[0-9a-f]{1,4}(?::{1,2}[0-9a-f]{1,4}){2,7}(?:::)?(?![\w:])/gi, text)) {
    if (isIPv6(match[0])) {
      findings.push({ category: 'ip', start: match.index, end: match.index + match[0].length });
    }
  }
  return findings;
}
