/**
 * Encryption benchmark (`npm run bench:crypto`): field encrypt+decrypt
 * operations per second on one core with a warm key cache (the key ring
 * serves the subject key from memory) and a cold one (every operation fetches
 * and unwraps the subject's key through the local key provider on the real
 * Postgres). Prints figures; asserts nothing.
 *
 * Needs DATABASE_URL (e.g. `bash scripts/infra.sh up && eval "$(bash scripts/infra.sh env)"`).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { LocalKeyManagementService, PersonalDataCipher, SubjectKeyRing } from '../../libs/crypto/src';
import { TestDatabase } from '../../libs/testing/src/test-infrastructure';

const WARM_OPERATIONS = 200_000;
const COLD_OPERATIONS = 2_000;
const TEXT = 'Hello, I would like to book an appointment next Tuesday; my number is +44 20 7946 0958.';

async function main(): Promise<void> {
  // A throwaway database on the server of DATABASE_URL, dropped at the end.
  const database = await TestDatabase.create();
  const kms = new LocalKeyManagementService({ masterKey: randomBytes(32), databaseUrl: database.url });
  try {
    const tenantId = randomUUID();
    await kms.ensureTenantKey(tenantId);

    const warmRing = new SubjectKeyRing(kms, { ttlMs: 3_600_000, maxEntries: 10_000 });
    const warm = new PersonalDataCipher(warmRing);
    const subjects = Array.from({ length: 100 }, () => randomUUID());
    for (const subjectId of subjects) await warmRing.keyForWriting(tenantId, subjectId);
    const warmSeconds = await time(async () => {
      for (let i = 0; i < WARM_OPERATIONS / 2; i++) {
        const scope = { tenantId, subjectId: subjects[i % subjects.length], record: `message:${i}`, field: 'text' };
        await warm.decrypt(scope, await warm.encrypt(scope, TEXT));
      }
    });

    // Cold: a fresh ring per operation, so each one reads and unwraps the subject key from the key store.
    const coldSeconds = await time(async () => {
      for (let i = 0; i < COLD_OPERATIONS / 2; i++) {
        const cold = new PersonalDataCipher(new SubjectKeyRing(kms, { ttlMs: 1, maxEntries: 1 }));
        const scope = { tenantId, subjectId: subjects[i % subjects.length], record: `message:${i}`, field: 'text' };
        const sealed = await cold.encrypt(scope, TEXT);
        await new PersonalDataCipher(new SubjectKeyRing(kms, { ttlMs: 1, maxEntries: 1 })).decrypt(scope, sealed);
      }
    });

    // What one visitor message costs in cryptography on its path, service by service: the
    // conversation service encrypts the text, the bot engine decrypts it and encrypts its reply,
    // the conversation service decrypts the reply to stream it. Warm: both caches hold the key.
    // First message of a new visitor: the key is created, then fetched cold by the bot engine.
    const conversationRing = new SubjectKeyRing(kms, { ttlMs: 3_600_000, maxEntries: 10_000 });
    const botRing = new SubjectKeyRing(kms, { ttlMs: 3_600_000, maxEntries: 10_000 });
    const perMessage = async (subjectId: string, i: number) => {
      const inbound = { tenantId, subjectId, record: `message:in-${i}`, field: 'text' };
      const outbound = { tenantId, subjectId, record: `message:out-${i}`, field: 'text' };
      const sealed = await new PersonalDataCipher(conversationRing).encrypt(inbound, TEXT);
      const text = await new PersonalDataCipher(botRing).decrypt(inbound, sealed);
      const reply = await new PersonalDataCipher(botRing).encrypt(outbound, `You said: "${text}"`);
      await new PersonalDataCipher(conversationRing).decrypt(outbound, reply);
    };
    const firstMessages = 200;
    const firstSeconds = await time(async () => {
      for (let i = 0; i < firstMessages; i++) await perMessage(randomUUID(), i);
    });
    const warmMessages = 20_000;
    const steadySubject = randomUUID();
    await perMessage(steadySubject, -1);
    const steadySeconds = await time(async () => {
      for (let i = 0; i < warmMessages; i++) await perMessage(steadySubject, i);
    });

    const warmRate = WARM_OPERATIONS / warmSeconds;
    const coldRate = COLD_OPERATIONS / coldSeconds;
    process.stdout.write(
      [
        `Field encryption, ${TEXT.length}-character text, one core, node ${process.version}`,
        `  warm key cache: ${Math.round(warmRate).toLocaleString('en')} operations/s (encrypt or decrypt), ` +
          `${((warmSeconds / WARM_OPERATIONS) * 1e6).toFixed(1)} µs each   target >= 100,000/s`,
        `  cold key cache: ${Math.round(coldRate).toLocaleString('en')} operations/s ` +
          `(each fetches and unwraps the key from the local key store in Postgres)`,
        `Added per visitor message (2 encryptions + 2 decryptions on the path):`,
        `  warm caches:               ${((steadySeconds / warmMessages) * 1e3).toFixed(3)} ms`,
        `  a new visitor's first one: ${((firstSeconds / firstMessages) * 1e3).toFixed(3)} ms ` +
          '(key created, wrapped, stored, then fetched and unwrapped by the other service)',
        `BENCH_JSON ${JSON.stringify({
          warmOpsPerSecond: warmRate,
          coldOpsPerSecond: coldRate,
          addedMsPerMessageWarm: (steadySeconds / warmMessages) * 1e3,
          addedMsPerFirstMessage: (firstSeconds / firstMessages) * 1e3,
        })}`,
        '',
      ].join('\n'),
    );
  } finally {
    await kms.close();
    await database.drop();
  }
}

async function time(work: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
