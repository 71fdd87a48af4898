import { introducedIdFinder } from './introduced';

/**
 * Bank and other account numbers introduced by an account keyword
 * ("account number 12345678", "Kontonummer", "numéro de compte", "número de
 * cuenta"). Order, invoice, ticket and customer numbers are references of
 * the business, not accounts of the person: they have keywords of their own
 * and are left alone. IBANs are found (and checked) by the IBAN detector first.
 */
export const findAccountNumbers = introducedIdFinder({
  category: 'account',
  minDigits: 6,
  notAfter:
    /(?:customer|client|user|login|twitter|instagram|e-?mail|paypal|kunden|benutzer|cliente|usuario|utilisateur)\W{0,3}$/,
  keywords: [
    // English
    String.raw`(?:bank\s+|checking\s+|savings\s+|current\s+)?account(?:\s+(?:number|no|num|#))?`,
    String.raw`acct(?:\s+(?:number|no|#))?`,
    String.raw`a/c(?:\s+no)?`,
    // German
    String.raw`(?:bank|giro|spar|tagesgeld)?konto(?:nummer|[\s-]*nr)?`,
    String.raw`kto(?:[\s.-]*nr)?`,
    // French
    String.raw`(?:numero|n°|no|num)\s+(?:de\s+)?compte`,
    String.raw`compte(?:\s+(?:bancaire|courant|epargne|cheque|joint))?`,
    'rib',
    // Spanish
    String.raw`(?:numero|n[º°.]+|num)\s+de\s+cuenta`,
    String.raw`cuenta(?:\s+(?:bancaria|corriente|de\s+ahorros?|nomina))?`,
    'ccc',
  ],
});
