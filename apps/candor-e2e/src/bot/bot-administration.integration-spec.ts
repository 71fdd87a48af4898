import { waitFor } from '@candor/testing';
import { CandorStack } from '../support/candor-stack';
import {
  HONEST_PERSONA,
  configureBot,
  publishPlaybook,
  startChat,
  transcriptOf,
  visitorSays,
} from '../support/bot-fixtures';
import { type TenantFixture, createTenant } from '../support/fixtures';

const playbookWelcoming = (welcome: string) => `
schemaVersion: 1
name: Welcome
defaultLanguage: en
start: welcome
nodes:
  welcome: { kind: message, text: "${welcome}", next: topic }
  topic:
    kind: question
    text: Sales or support?
    options:
      - { id: sales, label: Sales, next: bye }
      - { id: support, label: Support, next: bye }
  bye: { kind: end, text: "${welcome} Bye!" }
`;

interface ErrorBody {
  code: string;
  details?: { field?: string; code: string; path?: string; nodeId?: string | null; message: string }[];
}

/** What tenants configure: an honest persona, validated playbooks and their versions, the guard, the notice. */
describe('bot administration: personas, playbooks, guard policy and notices', () => {
  let stack: CandorStack;
  let tenant: TenantFixture;

  beforeAll(async () => {
    stack = await CandorStack.start(['conversation', 'bot-engine'], { OUTBOX_POLL_INTERVAL_MS: '200' });
    tenant = await createTenant(stack.service('conversation'), stack.bootstrapKey, 'Admin Co');
    await waitFor(
      async () =>
        (await stack.service('bot-engine').request('GET', '/v1/bot', { token: tenant.adminKey })).status === 200,
      { what: 'the admin key at the bot engine' },
    );
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const botEngine = () => stack.service('bot-engine');
  const conversation = () => stack.service('conversation');
  const putBot = (persona: Record<string, unknown>) =>
    botEngine().request<ErrorBody>('PUT', '/v1/bot', { token: tenant.adminKey, body: { persona } });

  it('refuses personas that could pass as human with a 422 naming every reason, and changes nothing', async () => {
    const jpeg = `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]).toString('base64')}`;
    const refused = await putBot({
      name: 'Sarah',
      avatar: jpeg,
      tone: 'friendly',
      disclosure: { en: "Hi, I'm Sarah from the team, happy to help!" },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('persona_rejected');
    expect(refused.body.details?.map((violation) => [violation.field, violation.code])).toEqual([
      ['name', 'human_first_name'],
      ['avatar', 'avatar_photographic'],
      ['disclosure.en', 'disclosure_not_explicit'],
    ]);
    for (const name of ['Lukas Schneider', 'Émilie', 'José García']) {
      const response = await putBot({ ...HONEST_PERSONA, name });
      expect([name, response.status]).toEqual([name, 422]);
    }
    const claims = await putBot({ ...HONEST_PERSONA, disclosure: { en: "I'm a real person, not a bot, promise." } });
    expect(claims.body.details?.map((violation) => violation.code)).toContain('disclosure_claims_human');

    const unchanged = await botEngine().request<{ persona: { name: string } }>('GET', '/v1/bot', {
      token: tenant.adminKey,
    });
    expect(unchanged.body.persona.name).toBe('Candor Assistant');
    const accepted = await putBot(HONEST_PERSONA);
    expect(accepted.status).toBe(200);
  });

  it('rejects invalid playbooks with errors pointing at the faulty nodes', async () => {
    const broken = `
schemaVersion: 1
name: Broken
defaultLanguage: en
start: welcome
nodes:
  welcome: { kind: message, text: Hi, next: ask }
  ask:
    kind: question
    text: Pick one
    options:
      - { id: a, label: A, next: nowhere }
      - { id: b, label: B, next: spin }
  spin: { kind: message, text: again, next: spin2 }
  spin2: { kind: message, text: and again, next: spin }
  orphan: { kind: end }
`;
    const response = await botEngine().request<ErrorBody>('POST', '/v1/playbooks/broken/versions', {
      token: tenant.adminKey,
      body: { format: 'yaml', source: broken },
    });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('invalid_playbook');
    const found = response.body.details!.map((error) => [error.code, error.nodeId]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['dangling_edge', 'ask'],
        ['unreachable_node', 'orphan'],
        ['no_exit', 'spin'],
        ['no_exit', 'spin2'],
      ]),
    );
    expect(response.body.details!.find((error) => error.code === 'dangling_edge')!.path).toBe(
      '/nodes/ask/options/0/next',
    );

    const syntax = await botEngine().request<ErrorBody>('POST', '/v1/playbooks/broken/versions', {
      token: tenant.adminKey,
      body: { format: 'json', source: '{"schemaVersion": 1,\n "name": }' },
    });
    expect(syntax.status).toBe(422);
    expect(syntax.body.details![0]).toMatchObject({ code: 'syntax_error' });
    expect(syntax.body.details![0].message).toMatch(/line 2/);

    const list = await botEngine().request<unknown[]>('GET', '/v1/playbooks', { token: tenant.adminKey });
    expect(list.body).toEqual([]);
  });

  it('keeps published versions immutable, in the API and in the database itself', async () => {
    const version = await publishPlaybook(botEngine(), tenant.adminKey, 'frozen', playbookWelcoming('Hello.'));
    const changed = await botEngine().request<ErrorBody>('PUT', `/v1/playbooks/frozen/versions/${version}`, {
      token: tenant.adminKey,
      body: { format: 'yaml', source: playbookWelcoming('Changed.') },
    });
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('version_immutable');
    await expect(
      stack.database.query(`UPDATE bot_engine.playbook_versions SET source = 'x' WHERE playbook_key = 'frozen'`),
    ).rejects.toThrow(/immutable/);
    await expect(
      stack.database.query(`DELETE FROM bot_engine.playbook_versions WHERE playbook_key = 'frozen'`),
    ).rejects.toThrow(/immutable/);
    const stored = await botEngine().request<{ source: string; status: string }>(
      'GET',
      `/v1/playbooks/frozen/versions/${version}`,
      { token: tenant.adminKey },
    );
    expect(stored.body).toMatchObject({ status: 'published', source: playbookWelcoming('Hello.') });

    // A draft may still change before it is published.
    const draft = await botEngine().request<{ version: number }>('POST', '/v1/playbooks/frozen/versions', {
      token: tenant.adminKey,
      body: { format: 'yaml', source: playbookWelcoming('Draft.') },
    });
    expect(draft.body.version).toBe(version + 1);
    const edited = await botEngine().request('PUT', `/v1/playbooks/frozen/versions/${draft.body.version}`, {
      token: tenant.adminKey,
      body: { format: 'yaml', source: playbookWelcoming('Draft, edited.') },
    });
    expect(edited.status).toBe(200);
  });

  it('lets a conversation finish on the version it started with while new ones start the newer version', async () => {
    await publishPlaybook(botEngine(), tenant.adminKey, 'welcome', playbookWelcoming('Version one.'));
    await configureBot(botEngine(), tenant.adminKey, { activePlaybookKey: 'welcome' });
    const early = await startChat(conversation(), tenant.siteKey, { locale: 'en' });
    expect((await transcriptOf(conversation(), early, 4))[2].text).toBe('Version one.');

    await publishPlaybook(botEngine(), tenant.adminKey, 'welcome', playbookWelcoming('Version two.'));
    const late = await startChat(conversation(), tenant.siteKey, { locale: 'en' });
    expect((await transcriptOf(conversation(), late, 4))[2].text).toBe('Version two.');

    const finished = await visitorSays(conversation(), early, 'Sales', { quickReplyId: 'sales' });
    expect(finished.replies.map((reply) => reply.text)).toEqual(['Version one. Bye!']);
  });

  it('greets with the persona just saved at once, though the bot engine keeps tenant bots in memory', async () => {
    const shop = await createTenant(conversation(), stack.bootstrapKey, 'Persona Shop');
    await waitFor(async () => (await botEngine().request('GET', '/v1/bot', { token: shop.adminKey })).status === 200, {
      what: 'the admin key at the bot engine',
    });
    const disclosing = (text: string) => ({ persona: { ...HONEST_PERSONA, disclosure: { en: text } } });
    const first = 'Hi, I am the first Persona Shop bot, an automated assistant.';
    const second = 'Hi, I am the second Persona Shop bot, an automated assistant.';
    await configureBot(botEngine(), shop.adminKey, disclosing(first));
    const before = await startChat(conversation(), shop.siteKey, { locale: 'en' });
    expect((await transcriptOf(conversation(), before, 2))[1].text).toBe(first);
    await configureBot(botEngine(), shop.adminKey, disclosing(second));
    const after = await startChat(conversation(), shop.siteKey, { locale: 'en' });
    expect((await transcriptOf(conversation(), after, 2))[1].text).toBe(second);
  });

  it('answers from the state as stored when it changed since the bot engine last wrote it', async () => {
    const shop = await createTenant(conversation(), stack.bootstrapKey, 'State Shop');
    const chat = await startChat(conversation(), shop.siteKey, { locale: 'en' });
    await transcriptOf(conversation(), chat, 2);
    const rephrase = "Sorry, I didn't understand that. Could you say it another way?";
    const offer = "I'm still not sure I understand. Would you like to talk to a person?";
    const said = async (text: string) => (await visitorSays(conversation(), chat, text)).replies[0].text;
    expect(await said('xyzzy plugh')).toBe(rephrase);
    // Written meanwhile by someone else (another instance, say): the bot must not answer from what it last wrote.
    await stack.database.query(
      `UPDATE bot_engine.bot_conversations SET turn_state = jsonb_set(turn_state, '{misunderstood}', '0')
       WHERE conversation_id = $1`,
      [chat.conversationId],
    );
    expect(await said('xyzzy plugh')).toBe(rephrase);
    expect(await said('xyzzy plugh')).toBe(offer);
  });

  it('sets the guard policy per category and refuses unknown categories or actions without changing it', async () => {
    const path = '/v1/guard-policy';
    const initial = await conversation().request<{ actions: Record<string, string> }>('GET', path, {
      token: tenant.adminKey,
    });
    expect(initial.body.actions).toMatchObject({ health: 'redact', dob: 'redact', email: 'redact', phone: 'redact' });
    for (const actions of [{ tattoo: 'block' }, { health: 'ignore' }, { health: 3 }, ['health']]) {
      const refused = await conversation().request('PUT', path, { token: tenant.adminKey, body: { actions } });
      expect([actions, refused.status]).toEqual([actions, 400]);
    }
    const unchanged = await conversation().request<{ actions: Record<string, string> }>('GET', path, {
      token: tenant.adminKey,
    });
    expect(unchanged.body).toEqual(initial.body);
    const updated = await conversation().request<{ actions: Record<string, string> }>('PUT', path, {
      token: tenant.adminKey,
      body: { actions: { health: 'block', ip: 'allow' } },
    });
    expect(updated.body.actions).toEqual({ ...initial.body.actions, health: 'block', ip: 'allow' });
    const reset = await conversation().request<{ actions: Record<string, string> }>('PUT', path, {
      token: tenant.adminKey,
      body: { actions: { health: null } },
    });
    expect(reset.body.actions).toEqual({ ...initial.body.actions, ip: 'allow' });
  });

  it('versions the privacy notice: each conversation keeps the version it was shown', async () => {
    const before = await startChat(conversation(), tenant.siteKey);
    const published = await conversation().request('POST', '/v1/privacy-notices', {
      token: tenant.adminKey,
      body: {
        version: '2026-12',
        text: 'New notice: we record this chat.',
        policyUrl: 'https://shop.example/privacy-v2',
      },
    });
    expect(published.status).toBe(201);
    const again = await conversation().request<ErrorBody>('POST', '/v1/privacy-notices', {
      token: tenant.adminKey,
      body: { version: '2026-12', text: 'Sneaky rewrite', policyUrl: 'https://shop.example/privacy-v2' },
    });
    expect([again.status, again.body.code]).toEqual([409, 'version_exists']);
    const after = await startChat(conversation(), tenant.siteKey);
    const versionOf = async (conversationId: string) =>
      (
        await conversation().request<{ privacyNoticeVersion: string }>('GET', `/v1/conversations/${conversationId}`, {
          token: tenant.adminKey,
        })
      ).body.privacyNoticeVersion;
    expect(await versionOf(before.conversationId)).toBe('default-2');
    expect(await versionOf(after.conversationId)).toBe('2026-12');
    const [notice] = await transcriptOf(conversation(), after, 1);
    expect(notice).toMatchObject({
      senderKind: 'system',
      text: 'New notice: we record this chat. https://shop.example/privacy-v2',
    });
    const versions = await conversation().request<{ version: string; text: string }[]>('GET', '/v1/privacy-notices', {
      token: tenant.adminKey,
    });
    expect(versions.body.map((version) => version.version)).toEqual(['2026-12', 'default-2']);
    expect(versions.body[0].text).toBe('New notice: we record this chat.');
  });
});
