/**
 * What the system says in a transcript when who answers changes, in the visitor's language
 * (English when it is not one of ours). A person is always named as a person, the bot as automated.
 */
type Language = 'en' | 'de' | 'fr' | 'es';

const COPY: Record<
  Language,
  Record<'queued' | 'joined' | 'left' | 'left_queue' | 'closed', (name: string) => string>
> = {
  en: {
    queued: () =>
      "You're in the queue for a person from our team. If nobody can join soon, you'll be offered other ways to reach us.",
    joined: (name) => `${name}, a person from our team, joined the conversation.`,
    left: (name) => `${name} left the conversation. You're chatting with the automated assistant again.`,
    left_queue: () => "You left the queue. You're chatting with the automated assistant again.",
    closed: () => 'This conversation was closed.',
  },
  de: {
    queued: () =>
      'Sie sind in der Warteschlange für eine Person aus unserem Team. Falls bald niemand dazukommen kann, ' +
      'bieten wir Ihnen andere Wege an, uns zu erreichen.',
    joined: (name) => `${name}, eine Person aus unserem Team, ist dem Gespräch beigetreten.`,
    left: (name) => `${name} hat das Gespräch verlassen. Sie schreiben wieder mit dem automatisierten Assistenten.`,
    left_queue: () =>
      'Sie haben die Warteschlange verlassen. Sie schreiben wieder mit dem automatisierten Assistenten.',
    closed: () => 'Dieses Gespräch wurde beendet.',
  },
  fr: {
    queued: () =>
      "Vous êtes en file d'attente pour une personne de notre équipe. Si personne ne peut vous rejoindre bientôt, " +
      "d'autres moyens de nous joindre vous seront proposés.",
    joined: (name) => `${name}, une personne de notre équipe, a rejoint la conversation.`,
    left: (name) => `${name} a quitté la conversation. Vous échangez de nouveau avec l'assistant automatisé.`,
    left_queue: () => "Vous avez quitté la file d'attente. Vous échangez de nouveau avec l'assistant automatisé.",
    closed: () => 'Cette conversation est terminée.',
  },
  es: {
    queued: () =>
      'Está en la cola para hablar con una persona de nuestro equipo. Si nadie puede unirse pronto, ' +
      'se le ofrecerán otras formas de contactarnos.',
    joined: (name) => `${name}, una persona de nuestro equipo, se ha unido a la conversación.`,
    left: (name) => `${name} ha salido de la conversación. Vuelve a hablar con el asistente automatizado.`,
    left_queue: () => 'Ha salido de la cola. Vuelve a hablar con el asistente automatizado.',
    closed: () => 'Esta conversación se ha cerrado.',
  },
};

export type SystemEvent = keyof (typeof COPY)['en'];

export function systemMessage(event: SystemEvent, locale: string | null, agentName = ''): string {
  const language = (locale?.slice(0, 2) ?? 'en') as Language;
  return (COPY[language] ?? COPY.en)[event](agentName);
}
