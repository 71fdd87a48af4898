import { randomUUID } from 'node:crypto';
import { messagePostedV3 } from './events';
import { EVENT_CATALOGUE, topicName } from './registry';
import { EventValidationError, validateEnvelope, validatePayload } from './validation';

function envelope(overrides: Record<string, unknown> = {}, payload: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    type: 'conversation.message.posted',
    schemaVersion: 3,
    tenantId: randomUUID(),
    subjectId: randomUUID(),
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    causationId: null,
    producer: 'conversation',
    payload: {
      conversationId: randomUUID(),
      messageId: randomUUID(),
      sequence: 1,
      senderKind: 'visitor',
      automated: false,
      encryptedText: `cnd1.${randomUUID()}.1.c2VhbGVk`,
      quickReplyId: null,
      guard: { outcome: 'clean', categories: [] },
      conversationStatus: 'bot',
      postedAt: new Date().toISOString(),
      ...payload,
    },
    ...overrides,
  };
}

describe('event contracts', () => {
  it('accepts a well-formed envelope and payload', () => {
    const valid = envelope();
    expect(validateEnvelope(valid)).toBe(valid);
  });

  it.each([
    ['a missing tenant', { tenantId: undefined }],
    ['a non-uuid id', { id: 'abc' }],
    ['an unknown top-level field', { extra: 1 }],
    ['an unknown event type', { type: 'conversation.nothing.happened' }],
    ['an unknown schema version', { schemaVersion: 9 }],
  ])('rejects an envelope with %s', (_label, overrides) => {
    const candidate = JSON.parse(JSON.stringify(envelope(overrides)));
    expect(() => validateEnvelope(candidate)).toThrow(EventValidationError);
  });

  it.each([
    ['a wrong sender kind', { senderKind: 'robot' }],
    ['a sequence of zero', { sequence: 0 }],
    ['a plaintext instead of a ciphertext', { encryptedText: 'hello there' }],
    ['an unknown payload field', { email: 'someone@example.com' }],
  ])('rejects a payload with %s, naming paths but never values', (_label, payload) => {
    try {
      validateEnvelope(envelope({}, payload));
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(EventValidationError);
      const text = JSON.stringify((error as EventValidationError).violations) + (error as Error).message;
      expect(text).not.toContain('someone@example.com');
      expect((error as EventValidationError).violations[0].path).toMatch(/^\/payload/);
    }
  });

  it('validates payloads on the producing side too', () => {
    expect(() => validatePayload(messagePostedV3, { ...envelope().payload, automated: 'no' } as never)).toThrow(
      EventValidationError,
    );
  });

  it('gives every event a versioned topic, an owner and a unique type/version', () => {
    const keys = EVENT_CATALOGUE.map((definition) => `${definition.type}@${definition.schemaVersion}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const definition of EVENT_CATALOGUE) {
      expect(definition.topic).toMatch(/^[a-z-]+\.(public|private)\.[a-z-]+\.[a-z-]+\.v\d+$/);
      expect(definition.owner).toBeTruthy();
    }
  });

  it('prefixes topics with a namespace only when one is set', () => {
    expect(topicName('a.public.b.c.v1')).toBe('a.public.b.c.v1');
    expect(topicName('a.public.b.c.v1', 'staging')).toBe('staging.a.public.b.c.v1');
  });
});
