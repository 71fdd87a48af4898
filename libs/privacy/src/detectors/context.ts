import { fold } from '../text';

const words = (list: string) => new Set(list.trim().split(/\s+/));

/** What the words just before a number say it is. */
export type NumberContext = 'phone' | 'card' | 'ip' | 'reference' | 'version' | undefined;

/** Words that say nothing about what follows ("my number is", "meine Nummer lautet", "mon numéro est le"). */
const FILLERS = words(
  `is are was its it s my our your his her the a an no nr num number numbers nummer numero n # id me us on at to under
  ist lautet meine mein unter die der das ihre ihr est c mon ma notre votre le la au de du des es el mi su al del en
  this that which new neue nouveau nuevo`,
);

/** Phone words; long ones also inside compounds (Handynummer, Festnetznummer, Kundenservice-Hotline). */
const PHONE_WORDS = words(`
  phone tel telephon call ring text sms cell mobile whatsapp signal reach contact fax landline hotline ruf anruf
  handy telefon festnetz mobil erreich zuruck appel rappel portable joindre joignable fixe llam movil telefono
  celular fijo localizable
`);
const PHONE_COMPOUND =
  /^(?:llam|appel|rappel|anruf|erreich|ruf|kontakt|contact|joign|whatsapp)|telefon|handy|festnetz|hotline|phone/;
const CARD_WORDS = words(`
  card cards visa mastercard master amex discover jcb diners maestro karte kreditkarte debitkarte ec carte cb tarjeta
  credit debit kredit credito debito
`);
/** Business references: order, invoice, tracking, ticket… numbers, and codes that are not a person's (postcode, IBAN). */
const REFERENCE_WORDS = words(`
  order invoice ticket tracking track ref reference case booking reservation confirmation customer client parcel
  package shipment item article product model sku serial part batch lot promo voucher coupon code pin otp tan iban
  bic swift routing postcode zip plz commande facture suivi contrat colis dossier produit pedido factura seguimiento
  reserva localizador expediente envio paquete albaran cupon codigo transaction transaktion receipt quittung recu
  recibo account konto compte cuenta barcode ean isbn asin imei modell modele modelo serie siret siren vat tva nif
  cif referencia
`);
/** German compounds: Bestellnummer, Rechnungsnr, Kundennummer, Sendungsverfolgung. */
const REFERENCE_STEMS =
  /^(?:kunde|bestell|rechnung|auftrag|sendung|vertrag|vorgang|aktenzeichen|referenz|artikel|paket|liefer|gutschein|serien|steuer|ticket|tracking|order|invoice)/;
const REFERENCE_HEADS = /.(?:rechnung|vertrag|bestellung|auftrag|sendung|kundennummer|rechnungsnummer)$/;
/** Software, browsers and document structure: "Chrome 124.0.1.2", "Kapitel 2.1.3.4". */
const VERSION_WORDS = words(`
  v version versao build release firmware fw software ios ipados macos android windows linux ubuntu kernel chrome
  chromium firefox safari edge opera brave browser app update updated upgrade upgraded patch sdk api node python java
  php driver treiber bios aktualisiert actualizado actualizacion jour section chapter clause step point item article
  art abschnitt kapitel punkt ziffer absatz chapitre paragraphe apartado capitulo seccion articulo punto paso etape
  schritt
`);
/** Network words: "IP-Adresse", "router", "VPN"; a version word further back does not count then. */
const IP_WORDS = words('ip ips ipv4 ipv6 vpn router routeur server serveur servidor dns gateway host proxy firewall');
/** A reference word, in the singular or plural (orders, packages), or a German compound of one. */
function isReferenceWord(word: string): boolean {
  return (
    REFERENCE_WORDS.has(word) ||
    (word.endsWith('s') && (REFERENCE_WORDS.has(word.slice(0, -1)) || REFERENCE_WORDS.has(word.slice(0, -2)))) ||
    REFERENCE_STEMS.test(word)
  );
}

/** "my number is": in a chat, the visitor's own number is their phone number. */
const MY_NUMBER = /(?:my|meine|mon|mi)\s+(?:number|nummer|numero)\W{0,3}(?:is|ist|lautet|est|es)?\W{0,3}$/;
const WORD = /[\p{L}\p{N}#§]+/gu;

/**
 * The nearest telling word among the `reach` words before `start` (fillers and
 * other numbers looked past): "Bestellnummer: 0123 456 789" is a reference,
 * "ruf mich an unter 0170…" a phone, "Chrome 124.0.1.2" a version.
 */
export function contextBefore(text: string, start: number, reach = 3): NumberContext {
  const before = fold(text.slice(Math.max(0, start - 48), start));
  if (MY_NUMBER.test(before)) return 'phone';
  const tokens = before.match(WORD) ?? [];
  let seen = 0;
  for (let i = tokens.length - 1; i >= 0 && seen < reach; i--) {
    const word = tokens[i];
    if (FILLERS.has(word) || /^\d+$/.test(word)) continue;
    seen++;
    // Telefonrechnung, Handyvertrag: the head of a German compound decides.
    if (REFERENCE_HEADS.test(word)) return 'reference';
    if (PHONE_WORDS.has(word) || PHONE_COMPOUND.test(word)) return 'phone';
    if (CARD_WORDS.has(word) || word.endsWith('karte')) return 'card';
    if (IP_WORDS.has(word)) return 'ip';
    if (isReferenceWord(word)) return 'reference';
    if (VERSION_WORDS.has(word) || word === '§') return 'version';
  }
  return undefined;
}

/** A number followed by a currency or unit is an amount or a quantity. */
export const AMOUNT_AFTER =
  /^\s?(?:%|€|\$|£|eur|euros?|usd|chf|gbp|mxn|pesos?|dollars?|units?|stuck|pieces?|pcs|users?|downloads?|kg|km|mb|gb)(?![\p{L}])/iu;
