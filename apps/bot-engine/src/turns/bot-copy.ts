import type { BotLanguage } from './bot-language';
import type { PrivacyNoticeShown } from './turn.types';

/**
 * What the bot says on its own (outside a tenant's playbook), in the four languages it speaks.
 * Every sentence about who is answering is truthful: the bot says it is automated, and a person is
 * only promised when the hand-off service has queued one. About data, it says nothing the tenant did
 * not write: it points to the tenant's own notice and policy.
 */
interface Copy {
  greeting(persona: string): string;
  iAmABot(persona: string): string;
  connectingToHuman: string;
  inQueue: string;
  leaveQueueLabel: string;
  nobodyAvailable(meetingUrl: string | null): string;
  nobodyTookIt(meetingUrl: string | null): string;
  leaveMessageLabel: string;
  keepWaitingLabel: string;
  stillWaiting: string;
  askEmailForMessage: string;
  askMessage: string;
  messageLeft: string;
  privacy(notice: PrivacyNoticeShown): string;
  erasureStarted: string;
  unsubscribed: string;
  secureChannel(categories: string, url: string | null): string;
  rephrase: string;
  offerHuman: string;
  talkToHumanLabel: string;
  meeting(url: string): string;
}

const EN: Copy = {
  greeting: (persona) =>
    `Hi! I'm ${persona}, an automated assistant, not a person. Ask me anything, or ask for a person at any time.`,
  iAmABot: (persona) =>
    `Yes, I'm ${persona}, an automated assistant (a bot), not a person. Say "talk to a person" whenever you like.`,
  connectingToHuman: "I'll connect you with a person from our team.",
  inQueue:
    "You're in the queue for a person from our team, who will join as soon as they can. " +
    'I can still answer questions about your data meanwhile, or you can stop waiting.',
  leaveQueueLabel: 'Stop waiting',
  nobodyAvailable: (url) =>
    'Nobody from our team is available right now. ' +
    (url ? `You can book a time with us: ${url}. ` : '') +
    'Or leave a message here and we will get back to you.',
  nobodyTookIt: (url) =>
    'Sorry, nobody from our team has been able to take your conversation yet. ' +
    (url ? `You can book a time with us: ${url}. ` : '') +
    'Or leave a message here and we will get back to you. You can also keep waiting, or stop waiting and carry on ' +
    'with me, the automated assistant.',
  leaveMessageLabel: 'Leave a message',
  keepWaitingLabel: 'Keep waiting',
  stillWaiting: "You're still in the queue. A person from our team will join here if one becomes free.",
  askEmailForMessage: 'Which email address should we reply to?',
  askMessage: 'What would you like to tell us?',
  messageLeft: 'Thank you, your message is with our team. We will reply by email.',
  privacy: ({ version, policyUrl }) =>
    'How we handle your data is set out in the privacy notice shown when this chat started' +
    (version ? ` (version ${version})` : '') +
    (policyUrl ? `, and in full in our privacy policy: ${policyUrl}` : '.'),
  erasureStarted:
    "I've opened a request to delete your data. Before anything is deleted, our team may need to verify your identity. " +
    'By law, we must respond within one month.',
  unsubscribed: "Done: you won't receive marketing messages from us any more.",
  secureChannel: (categories, url) =>
    `For your protection I removed what looked like ${categories} from your message; please don't share it in this chat. ` +
    (url ? `Use our secure channel instead: ${url}. ` : '') +
    'A colleague trained to handle it will follow up.',
  rephrase: "Sorry, I didn't understand that. Could you say it another way?",
  offerHuman: "I'm still not sure I understand. Would you like to talk to a person?",
  talkToHumanLabel: 'Talk to a person',
  meeting: (url) => `You can book a time here: ${url}`,
};

const DE: Copy = {
  greeting: (persona) =>
    `Hallo! Ich bin ${persona}, ein automatisierter Assistent, kein Mensch. Fragen Sie mich, oder verlangen Sie jederzeit eine Person.`,
  iAmABot: (persona) =>
    `Ja, ich bin ${persona}, ein automatisierter Assistent (ein Bot), kein Mensch. Schreiben Sie „mit einer Person sprechen“, wann immer Sie möchten.`,
  connectingToHuman: 'Ich verbinde Sie mit einer Person aus unserem Team.',
  inQueue:
    'Sie sind in der Warteschlange für eine Person aus unserem Team, die so bald wie möglich dazukommt. ' +
    'Fragen zu Ihren Daten beantworte ich weiterhin, oder Sie hören auf zu warten.',
  leaveQueueLabel: 'Nicht mehr warten',
  nobodyAvailable: (url) =>
    'Gerade ist niemand aus unserem Team erreichbar. ' +
    (url ? `Sie können einen Termin buchen: ${url}. ` : '') +
    'Oder hinterlassen Sie hier eine Nachricht, wir melden uns.',
  nobodyTookIt: (url) =>
    'Leider konnte bisher niemand aus unserem Team Ihr Gespräch übernehmen. ' +
    (url ? `Sie können einen Termin buchen: ${url}. ` : '') +
    'Oder hinterlassen Sie hier eine Nachricht, wir melden uns. Sie können auch weiter warten, oder aufhören zu ' +
    'warten und mit mir, dem automatisierten Assistenten, weiterschreiben.',
  leaveMessageLabel: 'Nachricht hinterlassen',
  keepWaitingLabel: 'Weiter warten',
  stillWaiting:
    'Sie sind weiter in der Warteschlange. Sobald jemand aus unserem Team frei ist, kommt die Person hier dazu.',
  askEmailForMessage: 'An welche E-Mail-Adresse dürfen wir antworten?',
  askMessage: 'Was möchten Sie uns mitteilen?',
  messageLeft: 'Danke, Ihre Nachricht ist bei unserem Team. Wir antworten per E-Mail.',
  privacy: ({ version, policyUrl }) =>
    'Wie wir mit Ihren Daten umgehen, steht im Datenschutzhinweis, der zu Beginn dieses Chats angezeigt wurde' +
    (version ? ` (Version ${version})` : '') +
    (policyUrl ? `, und ausführlich in unserer Datenschutzerklärung: ${policyUrl}` : '.'),
  erasureStarted:
    'Ich habe einen Antrag auf Löschung Ihrer Daten eröffnet. Bevor etwas gelöscht wird, muss unser Team möglicherweise ' +
    'Ihre Identität prüfen. Gesetzlich müssen wir innerhalb eines Monats antworten.',
  unsubscribed: 'Erledigt: Sie erhalten keine Werbenachrichten mehr von uns.',
  secureChannel: (categories, url) =>
    `Zu Ihrem Schutz habe ich entfernt, was nach ${categories} aussah; bitte teilen Sie so etwas nicht in diesem Chat. ` +
    (url ? `Nutzen Sie stattdessen unseren sicheren Kanal: ${url}. ` : '') +
    'Eine dafür geschulte Person meldet sich.',
  rephrase: 'Entschuldigung, das habe ich nicht verstanden. Können Sie es anders formulieren?',
  offerHuman: 'Ich verstehe es leider noch nicht. Möchten Sie mit einer Person sprechen?',
  talkToHumanLabel: 'Mit einer Person sprechen',
  meeting: (url) => `Hier können Sie einen Termin buchen: ${url}`,
};

const FR: Copy = {
  greeting: (persona) =>
    `Bonjour ! Je suis ${persona}, un assistant automatisé, pas une personne. Posez-moi vos questions, ou demandez une personne à tout moment.`,
  iAmABot: (persona) =>
    `Oui, je suis ${persona}, un assistant automatisé (un bot), pas une personne. Écrivez « parler à une personne » quand vous voulez.`,
  connectingToHuman: 'Je vous mets en relation avec une personne de notre équipe.',
  inQueue:
    "Vous êtes en file d'attente pour une personne de notre équipe, qui vous rejoindra dès que possible. " +
    "En attendant, je réponds toujours à vos questions sur vos données, ou vous pouvez arrêter d'attendre.",
  leaveQueueLabel: 'Ne plus attendre',
  nobodyAvailable: (url) =>
    "Personne de notre équipe n'est disponible pour le moment. " +
    (url ? `Vous pouvez réserver un créneau : ${url}. ` : '') +
    'Ou laissez un message ici et nous vous répondrons.',
  nobodyTookIt: (url) =>
    "Désolé, personne de notre équipe n'a encore pu prendre votre conversation. " +
    (url ? `Vous pouvez réserver un créneau : ${url}. ` : '') +
    "Ou laissez un message ici et nous vous répondrons. Vous pouvez aussi continuer d'attendre, ou arrêter " +
    "d'attendre et poursuivre avec moi, l'assistant automatisé.",
  leaveMessageLabel: 'Laisser un message',
  keepWaitingLabel: 'Continuer à attendre',
  stillWaiting:
    "Vous êtes toujours en file d'attente. Si une personne de notre équipe se libère, elle vous rejoindra ici.",
  askEmailForMessage: 'À quelle adresse e-mail devons-nous répondre ?',
  askMessage: 'Que souhaitez-vous nous dire ?',
  messageLeft: 'Merci, votre message a été transmis à notre équipe. Nous répondrons par e-mail.',
  privacy: ({ version, policyUrl }) =>
    "La façon dont nous traitons vos données est décrite dans l'avis de confidentialité affiché au début de cette conversation" +
    (version ? ` (version ${version})` : '') +
    (policyUrl ? `, et en détail dans notre politique de confidentialité : ${policyUrl}` : '.'),
  erasureStarted:
    "J'ai ouvert une demande d'effacement de vos données. Avant toute suppression, notre équipe devra peut-être " +
    "vérifier votre identité. La loi nous impose de répondre dans un délai d'un mois.",
  unsubscribed: 'C’est fait : vous ne recevrez plus de messages marketing de notre part.',
  secureChannel: (categories, url) =>
    `Pour votre protection, j'ai retiré de votre message ce qui ressemblait à ${categories} ; merci de ne pas le partager dans ce chat. ` +
    (url ? `Utilisez plutôt notre canal sécurisé : ${url}. ` : '') +
    'Une personne formée pour cela vous recontactera.',
  rephrase: "Désolé, je n'ai pas compris. Pouvez-vous le dire autrement ?",
  offerHuman: 'Je ne comprends toujours pas. Voulez-vous parler à une personne ?',
  talkToHumanLabel: 'Parler à une personne',
  meeting: (url) => `Vous pouvez réserver un créneau ici : ${url}`,
};

const ES: Copy = {
  greeting: (persona) =>
    `¡Hola! Soy ${persona}, un asistente automatizado, no una persona. Pregúnteme lo que quiera, o pida una persona cuando quiera.`,
  iAmABot: (persona) =>
    `Sí, soy ${persona}, un asistente automatizado (un bot), no una persona. Escriba «hablar con una persona» cuando quiera.`,
  connectingToHuman: 'Le pongo en contacto con una persona de nuestro equipo.',
  inQueue:
    'Está en la cola para hablar con una persona de nuestro equipo, que se unirá en cuanto pueda. ' +
    'Mientras tanto sigo respondiendo a sus preguntas sobre sus datos, o puede dejar de esperar.',
  leaveQueueLabel: 'Dejar de esperar',
  nobodyAvailable: (url) =>
    'Ahora mismo no hay nadie de nuestro equipo disponible. ' +
    (url ? `Puede reservar una cita: ${url}. ` : '') +
    'O deje aquí un mensaje y le responderemos.',
  nobodyTookIt: (url) =>
    'Lo sentimos, todavía nadie de nuestro equipo ha podido atender su conversación. ' +
    (url ? `Puede reservar una cita: ${url}. ` : '') +
    'O deje aquí un mensaje y le responderemos. También puede seguir esperando, o dejar de esperar y seguir ' +
    'conmigo, el asistente automatizado.',
  leaveMessageLabel: 'Dejar un mensaje',
  keepWaitingLabel: 'Seguir esperando',
  stillWaiting: 'Sigue en la cola. Si alguien de nuestro equipo queda libre, se unirá aquí.',
  askEmailForMessage: '¿A qué correo electrónico le respondemos?',
  askMessage: '¿Qué desea decirnos?',
  messageLeft: 'Gracias, su mensaje está con nuestro equipo. Le responderemos por correo.',
  privacy: ({ version, policyUrl }) =>
    'Cómo tratamos sus datos se explica en el aviso de privacidad que se mostró al empezar este chat' +
    (version ? ` (versión ${version})` : '') +
    (policyUrl ? `, y en detalle en nuestra política de privacidad: ${policyUrl}` : '.'),
  erasureStarted:
    'He abierto una solicitud para borrar sus datos. Antes de borrar nada, puede que nuestro equipo necesite ' +
    'verificar su identidad. Por ley, debemos responder en el plazo de un mes.',
  unsubscribed: 'Hecho: ya no recibirá mensajes de marketing de nuestra parte.',
  secureChannel: (categories, url) =>
    `Para protegerle, he quitado de su mensaje lo que parecía ${categories}; por favor, no lo comparta en este chat. ` +
    (url ? `Use nuestro canal seguro: ${url}. ` : '') +
    'Una persona formada para ello le contactará.',
  rephrase: 'Perdone, no lo he entendido. ¿Puede decirlo de otra forma?',
  offerHuman: 'Sigo sin entenderlo. ¿Quiere hablar con una persona?',
  talkToHumanLabel: 'Hablar con una persona',
  meeting: (url) => `Puede reservar una cita aquí: ${url}`,
};

const COPIES: Record<BotLanguage, Copy> = { en: EN, de: DE, fr: FR, es: ES };

/** How a sensitive-data category is named to a visitor (never what was found). */
const CATEGORY_NAMES: Record<BotLanguage, Record<string, string>> = {
  en: {
    health: 'health information',
    dob: 'a date of birth',
    email: 'an email address',
    phone: 'a phone number',
    default: 'personal identifiers',
  },
  de: {
    health: 'Gesundheitsangaben',
    dob: 'ein Geburtsdatum',
    email: 'eine E-Mail-Adresse',
    phone: 'eine Telefonnummer',
    default: 'persönliche Kennungen',
  },
  fr: {
    health: 'des informations de santé',
    dob: 'une date de naissance',
    email: 'une adresse e-mail',
    phone: 'un numéro de téléphone',
    default: 'des identifiants personnels',
  },
  es: {
    health: 'información de salud',
    dob: 'una fecha de nacimiento',
    email: 'un correo electrónico',
    phone: 'un número de teléfono',
    default: 'identificadores personales',
  },
};

export function copyFor(language: BotLanguage): Copy {
  return COPIES[language];
}

/** "health information and a date of birth": the categories as a visitor understands them. */
export function describeCategories(language: BotLanguage, categories: readonly string[]): string {
  const names = CATEGORY_NAMES[language];
  const described = [...new Set(categories.map((category) => names[category] ?? names.default))];
  const and = { en: 'and', de: 'und', fr: 'et', es: 'y' }[language];
  return described.length <= 1
    ? (described[0] ?? names.default)
    : `${described.slice(0, -1).join(', ')} ${and} ${described.at(-1)}`;
}
