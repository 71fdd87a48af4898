/**
 * What a visitor waiting for a person may say to stop waiting or to leave a message: only matched while the
 * conversation is in the queue, next to the global intents (which win a tie: "forget me" is not "forget it").
 */
import type { IntentDefinition } from './intent-matcher';

export const LEAVE_QUEUE: IntentDefinition = {
  name: 'leave_queue',
  phrases: {
    en: [
      'never mind',
      'nevermind',
      'cancel',
      'forget it',
      'I changed my mind',
      'I do not want to wait any longer',
      'I can not wait any longer',
      'leave the queue',
      'stop waiting',
      "I don't need a person anymore",
      'I will stay with the bot',
    ],
    de: [
      'schon gut',
      'vergiss es',
      'abbrechen',
      'doch nicht',
      'ich möchte nicht mehr warten',
      'ich kann nicht länger warten',
      'Warteschlange verlassen',
      'ich brauche keine Person mehr',
    ],
    fr: [
      'laissez tomber',
      'annuler',
      'tant pis',
      "j'ai changé d'avis",
      'je ne veux plus attendre',
      'je ne peux pas attendre plus longtemps',
      "quitter la file d'attente",
      "je n'ai plus besoin d'une personne",
    ],
    es: [
      'déjalo',
      'olvídalo',
      'cancelar',
      'he cambiado de opinión',
      'no quiero esperar',
      'no puedo esperar más',
      'salir de la cola',
      'ya no necesito una persona',
    ],
  },
};

/** What a visitor waiting for a person may say to leave a message for the team instead (they stay queued). */
export const LEAVE_MESSAGE: IntentDefinition = {
  name: 'leave_message',
  phrases: {
    en: ['leave a message', 'I would like to leave a message', 'can I leave a message', 'I will leave a message'],
    de: [
      'Nachricht hinterlassen',
      'ich möchte eine Nachricht hinterlassen',
      'kann ich eine Nachricht hinterlassen',
      'ich hinterlasse eine Nachricht',
    ],
    fr: ['laisser un message', 'je voudrais laisser un message', 'puis-je laisser un message', 'je laisse un message'],
    es: ['dejar un mensaje', 'quiero dejar un mensaje', 'puedo dejar un mensaje', 'dejo un mensaje'],
  },
};
