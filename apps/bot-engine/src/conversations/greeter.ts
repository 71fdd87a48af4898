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

const ECHO_LIMIT = 500;

export function echo(visitorText: string): string {
  // Quote at most ECHO_LIMIT code points, so the reply always fits its contract.
  const codePoints = Array.from(visitorText);
  const quoted = codePoints.length > ECHO_LIMIT ? `${codePoints.slice(0, ECHO_LIMIT).join('')}…` : visitorText;
  return `You said: "${quoted}". I'm a simple automated assistant for now; ask for a human whenever you like.`;
}
