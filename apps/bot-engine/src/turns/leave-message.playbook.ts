import { type Playbook, validatePlaybook } from '../playbooks/model';
import { copyFor } from './bot-copy';

/**
 * When nobody can take a conversation, the bot offers to take a message: a small playbook written in
 * the same format tenants use, so the same runner, validation and field checks apply.
 */
function leaveMessagePlaybook(): Playbook {
  const texts = (pick: (copy: ReturnType<typeof copyFor>) => string) => ({
    en: pick(copyFor('en')),
    de: pick(copyFor('de')),
    fr: pick(copyFor('fr')),
    es: pick(copyFor('es')),
  });
  const parsed = validatePlaybook({
    schemaVersion: 1,
    name: 'Leave a message',
    defaultLanguage: 'en',
    start: 'email',
    nodes: {
      email: { kind: 'collect', field: 'email', text: texts((c) => c.askEmailForMessage), next: 'message' },
      message: { kind: 'collect', field: 'text', text: texts((c) => c.askMessage), next: 'thanks' },
      thanks: { kind: 'end', text: texts((c) => c.messageLeft) },
    },
  });
  // Built in, so invalid only through a programming error: fail at start-up, not in a conversation.
  if (!parsed.ok) throw new Error(`built-in leave-a-message playbook is invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.playbook;
}

export const LEAVE_MESSAGE_PLAYBOOK = leaveMessagePlaybook();
