/**
 * The placeholder bot of the foundation: it discloses that it is automated,
 * greets, and echoes. Playbooks, intents and personas replace it (issue 4);
 * the disclosure stays.
 */
export const DEFAULT_PERSONA_NAME = 'Candor Assistant';

export function greeting(personaName: string): string {
  return (
    `Hi! I'm ${personaName}, an automated assistant, not a person. ` +
    'Ask me anything, or ask for a human at any time.'
  );
}

export function echo(visitorText: string): string {
  return `You said: "${visitorText}". I'm a simple automated assistant for now; ask for a human whenever you like.`;
}
