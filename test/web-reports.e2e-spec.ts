import { browserAvailable, describeViolations, runAxe } from './support/browser';
import { firstSpaceIdInDb, insertThread, waitForScreened } from './support/forum';
import { ok } from './support/gql';
import { registerMember, setRole } from './support/members';
import { useBrowserApp } from './support/browser-app';
import type { TestApp } from './support/test-app';

/**
 * The reports workstream in a real browser against the real app: the Resources page signed
 * out in both languages, the admin's editor, the author of a post held for dosing sent to the
 * medication resources, and a reporter's list of their reports with plain statuses.
 */

const SCREENED_MS = 60_000;
const UI_MS = 30_000;

const START_THREAD = `mutation Start($input: StartThreadInput!) { startThread(input: $input) { id status } }`;
const REPORT = `mutation Report($input: ReportInput!) { report(input: $input) }`;
const CLAIM = `mutation Claim($id: ID!) { claimCase(id: $id) { id } }`;
const RESOLVE = `mutation Resolve($input: ResolveCaseInput!) { resolveCase(input: $input) { id } }`;

const describeBrowser = browserAvailable() ? describe : describe.skip;

describeBrowser('reports, resources and the dosing pointer in a browser', () => {
  const web = useBrowserApp({}, UI_MS);
  let app: TestApp;
  beforeAll(() => {
    app = web.app;
  });

  it('shows the Resources page to a signed-out reader, in English and then in Spanish', async () => {
    const page = await web.page();
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Resources' }).click();
    await page.getByRole('heading', { level: 1, name: 'Resources' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Questions to ask your prescriber' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'FindTreatment.gov' }).waitFor();
    expect(await page.getByText('1-800-662-4357 (1-800-662-HELP)').count()).toBeGreaterThan(0);
    expect(describeViolations(await runAxe(page))).toBe('');

    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Recursos' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Preguntas para quien te receta' }).waitFor();
    await page.getByText(/se vende sin receta/).waitFor();
  });

  it('sends the author of a post held for dosing to the medication resources and the prescriber questions', async () => {
    const { page, member } = await web.signedIn();
    const space = await firstSpaceIdInDb(app);
    const { id } = ok(
      await app.gql<{ startThread: { id: string } }>(
        START_THREAD,
        {
          input: {
            spaceId: space,
            title: 'A question about my dose',
            body: 'how many mg of my suboxone should i take at once to get a real buzz off it',
          },
        },
        member.token,
      ),
    ).startThread;
    expect(await waitForScreened(app, member.token, id, SCREENED_MS)).toBe('HELD');

    await page.goto(`/t/${id}`);
    await page.getByRole('heading', { name: 'Questions about your medication' }).waitFor();
    await page.getByRole('link', { name: 'Medications for opioid use disorder and where to get them' }).waitFor();
    await page.getByRole('link', { name: 'Questions to ask your prescriber' }).click();
    await page.getByRole('heading', { level: 1, name: 'Questions to ask your prescriber' }).waitFor();
    await page.getByText(/What should I do if I miss a dose/).waitFor();
  });

  it('lists a reporter’s reports with what became of them, without the removed post', async () => {
    const { page, member: reporter } = await web.signedIn();
    const [author, moderator] = await Promise.all([registerMember(app), registerMember(app)]);
    await setRole(app, moderator.accountId, 'MODERATOR');
    const space = await firstSpaceIdInDb(app);
    const removed = await insertThread(app, space, author.accountId, { title: 'A post that will come down', body: 'Unkind words.' });
    const kept = await insertThread(app, space, author.accountId, { title: 'A post that stays', body: 'An honest, hard day.' });
    for (const postId of [removed, kept]) ok(await app.gql(REPORT, { input: { postId, reason: 'HARASSMENT' } }, reporter.token));
    const [{ id: caseId }] = (await app.dataSource.query(`SELECT id FROM moderation_case WHERE post_id = $1`, [removed])) as Array<{
      id: string;
    }>;
    ok(await app.gql(CLAIM, { id: caseId }, moderator.token));
    ok(await app.gql(RESOLVE, { input: { caseId, decision: 'REMOVE', noteToAuthor: 'Please be gentle.' } }, moderator.token));

    await page.goto('/account');
    const section = page.getByRole('region', { name: 'Your reports' });
    await section.getByText('Reviewed: a moderator acted on it').waitFor();
    await section.getByText('Received: a moderator will look at it').waitFor();
    await section.getByText('The post is no longer shown.').waitFor();
    expect(await section.getByRole('link', { name: 'View the post' }).count()).toBe(1);
    expect(await section.textContent()).not.toContain('Unkind words');

    await page.goto('/notifications');
    await page.getByText(/A moderator reviewed a post you reported and acted on it/).waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/gentle|Unkind/);
  });

  it('lets an admin add a resource that signed-out readers then see, and refuses a link that is not http(s)', async () => {
    const { page, member: admin } = await web.signedIn();
    await setRole(app, admin.accountId, 'ADMIN');
    await page.goto('/resources');
    await page.getByRole('link', { name: 'Manage resources' }).click();
    await page.getByRole('heading', { level: 1, name: 'Manage resources' }).waitFor();
    await page.getByText('Add a resource').click();
    await page.locator('#new-topic').selectOption('FAMILY_SUPPORT');
    await page.locator('#new-locale').selectOption('ES');
    await page.locator('#new-title').fill('Grupo de familias en línea');
    await page.locator('#new-body').fill('Reuniones semanales para madres, padres y parejas.');
    await page.locator('#new-url').fill('ftp://example.org/grupo');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page
      .getByRole('alert')
      .getByText(/https:\/\/ or http:\/\//)
      .waitFor();

    await page.locator('#new-url').fill('https://example.org/grupo');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page
      .getByRole('region', { name: /For families and friends · Spanish/ })
      .getByText('Grupo de familias en línea')
      .waitFor();

    const reader = await web.page();
    await reader.goto('/');
    await reader.getByLabel('Language').selectOption('es');
    await reader.goto('/resources?topic=FAMILY_SUPPORT');
    await reader.getByRole('heading', { level: 3, name: 'Grupo de familias en línea' }).waitFor();
  });
});
