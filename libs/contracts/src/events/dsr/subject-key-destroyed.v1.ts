import { defineEvent } from '../../event-definition';

export interface SubjectKeyDestroyedV1 {
  /** Pseudonymous id of the erased data subject. */
  subjectId: string;
  destroyedAt: string;
}

export const subjectKeyDestroyedV1 = defineEvent<SubjectKeyDestroyedV1>({
  type: 'keys.subject-key.destroyed',
  schemaVersion: 1,
  topic: 'keys.public.subject-key.destroyed.v1',
  owner: 'dsr',
  description:
    "A data subject's key was destroyed (crypto-shredding): every service drops it from its key cache at once, " +
    'and everything encrypted under it reads as erased.',
  keyOf: (payload) => payload.subjectId,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['subjectId', 'destroyedAt'],
    properties: {
      subjectId: { type: 'string', format: 'uuid' },
      destroyedAt: { type: 'string', format: 'date-time' },
    },
  },
});
