import type { FieldKind, LocalisedText } from './playbook.types';

/** Texts used when a node does not define its own; every supported language is covered. */
export const DEFAULT_QUESTION_RETRY: LocalisedText = {
  en: 'Please choose one of the options.',
  de: 'Bitte wählen Sie eine der Optionen.',
  fr: 'Veuillez choisir l’une des options.',
  es: 'Por favor, elija una de las opciones.',
};

export const DEFAULT_CONSENT_RETRY: LocalisedText = {
  en: 'Please answer yes or no.',
  de: 'Bitte antworten Sie mit Ja oder Nein.',
  fr: 'Veuillez répondre par oui ou par non.',
  es: 'Por favor, responda sí o no.',
};

export const DEFAULT_GRANT_LABEL: LocalisedText = { en: 'Yes', de: 'Ja', fr: 'Oui', es: 'Sí' };
export const DEFAULT_DECLINE_LABEL: LocalisedText = { en: 'No', de: 'Nein', fr: 'Non', es: 'No' };

export const DEFAULT_COLLECT_RETRY: Record<FieldKind, LocalisedText> = {
  email: {
    en: 'That doesn’t look like an email address. Please try again.',
    de: 'Das sieht nicht wie eine E-Mail-Adresse aus. Bitte versuchen Sie es noch einmal.',
    fr: 'Cela ne ressemble pas à une adresse e-mail. Veuillez réessayer.',
    es: 'Eso no parece una dirección de correo electrónico. Inténtelo de nuevo.',
  },
  phone: {
    en: 'That doesn’t look like a phone number. Please try again.',
    de: 'Das sieht nicht wie eine Telefonnummer aus. Bitte versuchen Sie es noch einmal.',
    fr: 'Cela ne ressemble pas à un numéro de téléphone. Veuillez réessayer.',
    es: 'Eso no parece un número de teléfono. Inténtelo de nuevo.',
  },
  name: {
    en: 'Please enter your name using letters only.',
    de: 'Bitte geben Sie Ihren Namen nur mit Buchstaben ein.',
    fr: 'Veuillez saisir votre nom uniquement avec des lettres.',
    es: 'Por favor, escriba su nombre solo con letras.',
  },
  text: {
    en: 'Please type a short answer (up to 1000 characters).',
    de: 'Bitte geben Sie eine kurze Antwort ein (bis zu 1000 Zeichen).',
    fr: 'Veuillez saisir une réponse courte (1000 caractères maximum).',
    es: 'Por favor, escriba una respuesta breve (hasta 1000 caracteres).',
  },
};
