import { checkAvatar } from './avatar';
import { checkDisclosure } from './disclosure';
import { checkName } from './persona-name';
import { PERSONA_TONES, PersonaDraft, PersonaViolation } from './types';

/**
 * Every reason the persona could pass as human (or is malformed), in field order; [] when acceptable.
 * Input straight from an API body is tolerated: wrong types become violations, never exceptions.
 */
export function validatePersona(draft: PersonaDraft): PersonaViolation[] {
  const fields: Partial<Record<keyof PersonaDraft, unknown>> = typeof draft === 'object' && draft !== null ? draft : {};
  const tone = fields.tone;
  const toneViolations: PersonaViolation[] = PERSONA_TONES.some((known) => known === tone)
    ? []
    : [{ field: 'tone', code: 'tone_invalid', message: `The tone must be one of ${PERSONA_TONES.join(', ')}.` }];
  return [
    ...checkName(fields.name),
    ...checkAvatar(fields.avatar === undefined ? null : fields.avatar),
    ...toneViolations,
    ...checkDisclosure(fields.disclosure),
  ];
}
