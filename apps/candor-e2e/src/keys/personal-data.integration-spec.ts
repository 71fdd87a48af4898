import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type KeyManagementService,
  CiphertextMismatchError,
  ERASED,
  PersonalDataCipher,
  SubjectKeyRing,
} from '@candor/crypto';
import { messageTextScope } from '@candor/contracts';
import { KEY_MANAGEMENT, SubjectKeyShredder } from '@candor/platform';
import { RawKafka, waitFor } from '@candor/testing';
import { CandorStack } from '../support/candor-stack';
import { type ConversationFixture, conversationAnswered, createTenant, transcript } from '../support/fixtures';
import { everyRecord as everyRecordIn, everyRow as everyRowIn } from '../support/leak-scan';

const EMAIL = 'ada.lovelace@example.org';
const PHONE = '+44 20 7946 0958';
// Nothing the guard removes (no address, no health, no identifier): it must reach the database, encrypted.
const SENTENCE = 'My favourite colour is ultramarine and our cat is called Pixel';
const PLANTED = [EMAIL, PHONE, SENTENCE];

describe('personal data is encrypted everywhere, and destroying a subject key (crypto-shredding) makes it unreadable', () => {
  let stack: CandorStack;
  let kafka: RawKafka;
  let tenantId: string;
  const logFile = join(tmpdir(), `candor-leak-test-${randomUUID()}.log`);

  beforeAll(async () => {
    // Logs at debug level into a file of this suite's own, to be scanned like the tables and topics.
    stack = await CandorStack.start(['conversation', 'bot-engine', 'handoff', 'consent-ledger', 'dsr'], {
      LOG_LEVEL: 'debug',
      LOG_FILE: logFile,
    });
    kafka = await new RawKafka().connect();
    const tenant = await createTenant(stack.service('conversation'), stack.bootstrapKey);
    tenantId = tenant.tenantId;
    // The guard redacts volunteered emails and phones by default; this tenant lets them through, so
    // what is stored and published can be checked for them.
    const allowed = await stack.service('conversation').request('PUT', '/v1/guard-policy', {
      token: tenant.adminKey,
      body: { actions: { email: 'allow', phone: 'allow' } },
    });
    expect(allowed.status).toBe(200);
  });

  afterAll(async () => {
    await kafka?.disconnect();
    await stack?.stop();
    await rm(logFile, { force: true });
  });

  async function conversationWith(text: string): Promise<ConversationFixture> {
    const conversation = stack.service('conversation');
    const [{ site_key: siteKey }] = await stack.database.query<{ site_key: string }>(
      'SELECT site_key FROM conversation.tenants WHERE id = $1',
      [tenantId],
    );
    // The page's path names the visitor too: it is published and stored, so it must not carry them.
    const pageUrl = `https://shop.example/patients/${EMAIL}/intake?phone=${encodeURIComponent(PHONE)}`;
    const fixture = await conversationAnswered(conversation, siteKey, text, { pageUrl });
    return fixture;
  }

  const everyRow = () => everyRowIn(stack.database);
  const everyRecord = () => everyRecordIn(kafka, stack.namespace);

  it('stores, publishes and logs no planted value in the clear: tables, topics, keys, headers, logs', async () => {
    const fixture = await conversationWith(`${SENTENCE}. Mail ${EMAIL} or call ${PHONE}.`);
    // The API still shows the visitor their own words.
    const messages = await transcript(stack.service('conversation'), fixture);
    expect(messages.some((message) => message.text.includes(EMAIL))).toBe(true);
    expect(messages.some((message) => message.text.includes(SENTENCE))).toBe(true);

    const rows = await everyRow();
    const records = await everyRecord();
    expect(rows.length).toBeGreaterThan(10);
    expect(records.length).toBeGreaterThan(3);
    for (const planted of PLANTED) {
      expect(rows.filter((row) => row.includes(planted))).toEqual([]);
      expect(records.filter((record) => record.bytes.includes(planted)).map((r) => r.topic)).toEqual([]);
    }
    const logs = await readFile(logFile, 'utf8');
    expect(logs.split('\n').filter((line) => line.includes('"path":"/v1/conversations')).length).toBeGreaterThan(2);
    for (const planted of PLANTED) {
      expect(logs.includes(planted)).toBe(false);
    }
    // The message text is there, as ciphertext under the visitor's key.
    const [stored] = await stack.database.query<{ text_ciphertext: string }>(
      `SELECT text_ciphertext FROM conversation.messages WHERE conversation_id = $1 AND sender_kind = 'visitor'`,
      [fixture.conversationId],
    );
    expect(stored.text_ciphertext).toMatch(new RegExp(`^cnd1\\.${fixture.visitorId}\\.1\\.`));
  });

  it("after a subject's key is destroyed, its rows and replayed records no longer decrypt; others' still do", async () => {
    const erased = await conversationWith(`Erase me: ${EMAIL}`);
    const kept = await conversationWith(`Keep me: ${PHONE}`);
    const kms = stack.service('conversation').app.get<KeyManagementService>(KEY_MANAGEMENT);
    // Both services hold the visitor's key in their caches (60 s TTL) at this point.
    expect(stack.service('conversation').app.get(SubjectKeyRing).size).toBeGreaterThan(0);

    // Shredding (data-subject requests will call this) announces itself: every cache drops the key at once.
    await stack.service('dsr').app.get(SubjectKeyShredder).shred(tenantId, erased.visitorId);
    await waitFor(
      async () => (await transcript(stack.service('conversation'), erased)).every((m) => m.text === ERASED),
      { what: "the conversation service to show the erased visitor's messages as erased" },
    );

    // A reader with a cold cache, like a restored backup or a replay would have.
    const reader = new PersonalDataCipher(new SubjectKeyRing(kms, { ttlMs: 60_000, maxEntries: 100 }));
    const rows = await stack.database.query<{ id: string; conversation_id: string; text_ciphertext: string }>(
      'SELECT id, conversation_id, text_ciphertext FROM conversation.messages WHERE conversation_id = ANY($1)',
      [[erased.conversationId, kept.conversationId]],
    );
    for (const row of rows) {
      const subject = row.conversation_id === erased.conversationId ? erased.visitorId : kept.visitorId;
      const text = await reader.decrypt(messageTextScope(tenantId, subject, row.id), row.text_ciphertext);
      if (subject === erased.visitorId) expect(text).toBe(ERASED);
      else expect(text).not.toBe(ERASED);
    }

    const replayed = (await kafka.readAll(stack.topic('conversation.public.message.posted.v3'))).map((record) =>
      JSON.parse(record.value!.toString()),
    );
    const erasedEvents = replayed.filter((event) => event.subjectId === erased.visitorId);
    const keptEvents = replayed.filter((event) => event.subjectId === kept.visitorId);
    expect(erasedEvents.length).toBeGreaterThan(0);
    for (const event of erasedEvents) {
      const scope = messageTextScope(tenantId, event.subjectId, event.payload.messageId);
      expect(await reader.decrypt(scope, event.payload.encryptedText)).toBe(ERASED);
    }
    for (const event of keptEvents) {
      const scope = messageTextScope(tenantId, event.subjectId, event.payload.messageId);
      expect(await reader.decrypt(scope, event.payload.encryptedText)).not.toBe(ERASED);
    }

    const erasedView = await transcript(stack.service('conversation'), erased);
    expect(erasedView.length).toBeGreaterThan(0);
    expect(erasedView.every((message) => message.text === ERASED)).toBe(true);
    const keptView = await transcript(stack.service('conversation'), kept);
    expect(keptView.some((message) => message.text.includes(PHONE))).toBe(true);
  });

  it('refuses a ciphertext swapped between two rows in the database', async () => {
    const first = await conversationWith('first secret');
    const rows = await stack.database.query<{ id: string; text_ciphertext: string }>(
      `SELECT id, text_ciphertext FROM conversation.messages WHERE conversation_id = $1 ORDER BY sequence`,
      [first.conversationId],
    );
    const kms = stack.service('conversation').app.get<KeyManagementService>(KEY_MANAGEMENT);
    const reader = new PersonalDataCipher(new SubjectKeyRing(kms, { ttlMs: 60_000, maxEntries: 100 }));
    // Row 0's ciphertext read as row 1's: same subject and key, another record.
    await expect(
      reader.decrypt(messageTextScope(tenantId, first.visitorId, rows[1].id), rows[0].text_ciphertext),
    ).rejects.toBeInstanceOf(CiphertextMismatchError);
  });
});
