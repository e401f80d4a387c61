import { randomUUID } from 'node:crypto';
import { startThread, waitForScreened } from './support/forum';
import { codeOf, ok } from './support/gql';
import { registerMember, setRole, TestMember } from './support/members';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * The resource library over GraphQL on the real database: readable signed out in English and
 * Spanish from the seeded library, answered from the anonymous response cache and refreshed
 * when an admin changes it; admins alone create, edit, reorder and retire entries, each change
 * audited; links are http(s) only.
 */

const RESOURCES = `query R($locale: ResourceLocale, $topic: ResourceTopic) {
  resources(locale: $locale, topic: $topic) { id topic locale title body url contact position retired }
}`;
const LIBRARY = `query { resourceLibrary { id title retired } }`;
const CREATE = `mutation C($input: ResourceInput!) { createResource(input: $input) { id topic locale title url position } }`;
const UPDATE = `mutation U($id: ID!, $input: ResourceInput!) { updateResource(id: $id, input: $input) { id title url } }`;
const RETIRE = `mutation X($id: ID!, $retired: Boolean) { retireResource(id: $id, retired: $retired) { id retired } }`;
const REORDER = `mutation O($ids: [ID!]!) { reorderResources(ids: $ids) { id position } }`;

interface Resource {
  id: string;
  topic: string;
  locale: string;
  title: string;
  body: string;
  url: string | null;
  contact: string | null;
  position: number;
}

describe('resource library', () => {
  let app: TestApp;
  let admin: TestMember;
  let moderator: TestMember;
  let memberToken: string;

  beforeAll(async () => {
    // The library is read signed out from the response cache: this suite checks an edit reaches readers through it.
    app = await startTestApp({ env: { RESPONSE_CACHE_TTL_SECONDS: '60' } });
    [admin, moderator] = await Promise.all([registerMember(app), registerMember(app)]);
    await setRole(app, admin.accountId, 'ADMIN');
    await setRole(app, moderator.accountId, 'MODERATOR');
    memberToken = (await registerMember(app)).token;
  });
  afterAll(() => app?.close());

  async function read(variables: Record<string, unknown> = {}): Promise<Resource[]> {
    return ok(await app.gql<{ resources: Resource[] }>(RESOURCES, variables)).resources;
  }

  it('is readable signed out, in English and in Spanish, with the help a person in crisis or seeking treatment needs', async () => {
    const english = await read({ locale: 'EN' });
    const text = english.map((entry) => `${entry.title} ${entry.body} ${entry.contact ?? ''} ${entry.url ?? ''}`).join('\n');
    expect(text).toContain('FindTreatment.gov');
    expect(text).toContain('1-800-662-4357');
    expect(text).toMatch(/988/);
    expect(text).toMatch(/without a prescription/);
    expect(text).toMatch(/[Ff]entanyl test strips/);
    expect(new Set(english.map((entry) => entry.topic))).toEqual(
      new Set(['CRISIS', 'MEDICATION', 'PRESCRIBER_QUESTIONS', 'NALOXONE', 'TEST_STRIPS', 'TREATMENT', 'FAMILY_SUPPORT']),
    );

    const spanish = await read({ locale: 'ES' });
    expect(spanish.every((entry) => entry.locale === 'ES')).toBe(true);
    expect(spanish.map((entry) => entry.body).join('\n')).toMatch(/sin receta/);
    expect(spanish.map((entry) => `${entry.title} ${entry.contact ?? ''}`).join('\n')).toMatch(/988/);

    const questions = await read({ locale: 'EN', topic: 'PRESCRIBER_QUESTIONS' });
    expect(questions).toHaveLength(1);
    expect(questions[0].body).toMatch(/miss a dose/);
  });

  it('lets only admins change the library or see retired entries', async () => {
    const input = { topic: 'NALOXONE', locale: 'EN', title: 'A title', body: 'A body.' };
    const someId = randomUUID();
    for (const [token, code] of [
      [undefined, 'UNAUTHENTICATED'],
      [memberToken, 'FORBIDDEN'],
      [moderator.token, 'FORBIDDEN'],
    ] as const) {
      expect(codeOf(await app.gql(CREATE, { input }, token))).toBe(code);
      expect(codeOf(await app.gql(UPDATE, { id: someId, input }, token))).toBe(code);
      expect(codeOf(await app.gql(RETIRE, { id: someId }, token))).toBe(code);
      expect(codeOf(await app.gql(REORDER, { ids: [someId] }, token))).toBe(code);
      expect(codeOf(await app.gql(LIBRARY, {}, token))).toBe(code);
    }
  });

  it('refuses a link that is not http(s)', async () => {
    const input = { topic: 'CRISIS', locale: 'EN', title: 'Bad link', body: 'Body.', url: 'javascript:alert(1)' };
    const response = await app.gql(CREATE, { input }, admin.token);
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions).toMatchObject({ field: 'url' });
  });

  it('points the author of a post held for dosing to the medication resources and the prescriber questions', async () => {
    const author = await registerMember(app);
    const thread = await startThread(app, author.token, 'how many mg of my suboxone should i take at once to get a real buzz off it');
    expect(await waitForScreened(app, author.token, thread.id, 60_000)).toBe('HELD');

    const feedback = ok(
      await app.gql<{
        thread: {
          screening: { categories: string[]; resourceTopics: string[]; resources: Array<{ topic: string; locale: string; title: string }> };
        };
      }>(
        `query T($id: ID!) { thread(id: $id) { screening { categories resourceTopics resources(locale: ES) { topic locale title } } } }`,
        { id: thread.id },
        author.token,
      ),
    ).thread.screening;
    expect(feedback.categories).toContain('DOSING_INSTRUCTIONS');
    expect(feedback.resourceTopics).toEqual(['MEDICATION', 'PRESCRIBER_QUESTIONS']);
    expect(new Set(feedback.resources.map((entry) => entry.topic))).toEqual(new Set(['MEDICATION', 'PRESCRIBER_QUESTIONS']));
    expect(feedback.resources.every((entry) => entry.locale === 'ES')).toBe(true);
    expect(feedback.resources.map((entry) => entry.title)).toContain('Preguntas para quien te receta');

    const held = ok(
      await app.gql<{ me: { notifications: { edges: Array<{ node: { kind: string; message: string } }> } } }>(
        `query { me { notifications(first: 10) { edges { node { kind message } } } } }`,
        {},
        author.token,
      ),
    ).me.notifications.edges.find((edge) => edge.node.kind === 'POST_HELD');
    expect(held?.node.message).toMatch(/prescriber/);
    expect(held?.node.message).toMatch(/Resources page/);
  });

  it('does not point other holds to the medication resources', async () => {
    const author = await registerMember(app);
    const thread = await startThread(app, author.token, 'who has percs near dayton, hmu i can pay cash today');
    expect(await waitForScreened(app, author.token, thread.id, 60_000)).toBe('HELD');
    const feedback = ok(
      await app.gql<{ thread: { screening: { resourceTopics: string[]; resources: unknown[] } } }>(
        `query T($id: ID!) { thread(id: $id) { screening { resourceTopics resources { id } } } }`,
        { id: thread.id },
        author.token,
      ),
    ).thread.screening;
    expect(feedback).toEqual({ resourceTopics: [], resources: [] });
  });

  it('shows an admin’s new entry, edit, order and retirement to signed-out readers, and audits each change', async () => {
    // Signed-out answers come from the anonymous response cache (no SQL on a repeat)...
    const cachedVariables = { locale: 'ES', topic: 'TEST_STRIPS' };
    await waitFor(async () => (await app.countRequestQueries(RESOURCES, cachedVariables)).count === 0 || null, 30_000, 50);
    const before = (await app.countRequestQueries<{ resources: Resource[] }>(RESOURCES, cachedVariables)).result.data?.resources ?? [];
    expect(before).toHaveLength(1);
    // ...and yet an admin's change must reach readers (the table's trigger empties the cache).

    const created = ok(
      await app.gql<{ createResource: Resource }>(
        CREATE,
        {
          input: {
            topic: 'TEST_STRIPS',
            locale: 'ES',
            title: '  Consumir con más cuidado  ',
            body: 'Lleve naloxona y no consuma a solas.',
            url: 'https://neverusealone.com',
          },
        },
        admin.token,
      ),
    ).createResource;
    expect(created).toMatchObject({
      title: 'Consumir con más cuidado',
      url: 'https://neverusealone.com/',
      position: before[0].position + 10,
    });
    await waitFor(async () => (await read({ locale: 'ES', topic: 'TEST_STRIPS' })).length === 2, 30_000);

    ok(
      await app.gql(
        UPDATE,
        { id: created.id, input: { topic: 'TEST_STRIPS', locale: 'ES', title: 'Consumir con menos riesgo', body: 'Lleve naloxona.' } },
        admin.token,
      ),
    );
    ok(await app.gql(REORDER, { ids: [created.id, before[0].id] }, admin.token));
    await waitFor(async () => (await read({ locale: 'ES', topic: 'TEST_STRIPS' }))[0]?.title === 'Consumir con menos riesgo', 30_000);
    expect((await read({ locale: 'ES', topic: 'TEST_STRIPS' }))[0].url).toBeNull();

    ok(await app.gql(RETIRE, { id: created.id }, admin.token));
    await waitFor(async () => (await read({ locale: 'ES', topic: 'TEST_STRIPS' })).length === 1, 30_000);
    const library = ok(
      await app.gql<{ resourceLibrary: Array<{ id: string; retired: boolean }> }>(LIBRARY, {}, admin.token),
    ).resourceLibrary;
    expect(library).toContainEqual({ id: created.id, title: 'Consumir con menos riesgo', retired: true });

    const audit = (await app.dataSource.query(
      `SELECT action, moderator_id FROM moderation_action WHERE action LIKE 'RESOURCE%' ORDER BY created_at, id`,
    )) as Array<{ action: string; moderator_id: string }>;
    expect(audit.map((row) => row.action)).toEqual(['RESOURCE_CREATED', 'RESOURCE_UPDATED', 'RESOURCES_REORDERED', 'RESOURCE_RETIRED']);
    expect(new Set(audit.map((row) => row.moderator_id))).toEqual(new Set([admin.accountId]));
  });
});
