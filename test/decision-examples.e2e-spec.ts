import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { writeDecisionExamples } from '../src/cli/decisions-export.command';
import { bundledModelPath } from '../src/screening/model/load-model';
import { parseModelSummary } from '../src/screening/model-summary/screening-model-summary';
import { WithdrawnBodyEraser } from '../src/workflows/withdrawn-body-eraser';
import { firstSpaceIdInDb, insertThread } from './support/forum';
import { codeOf, ok } from './support/gql';
import { registerMember, setRole, TestMember } from './support/members';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Moderators' decisions as screening's training examples, on the real database: which
 * decisions are labels and what they say, the export, and that an example goes with the
 * words it labels. Also who may see the trained model's figures.
 */

const CLAIM = `mutation Claim($id: ID!) { claimCase(id: $id) { id } }`;
const RESOLVE = `mutation Resolve($input: ResolveCaseInput!) { resolveCase(input: $input) { id decision } }`;
const REPORT = `mutation Report($input: ReportInput!) { report(input: $input) }`;
const DELETE_ACCOUNT = `mutation ($input: DeleteAccountInput!) { deleteAccount(input: $input) }`;
const MODEL = `query { screeningModel { version trainedAt examples decisionExamples
  figures { holdRecall falseHoldRate urgentRecall categoryRecall { category recall } } } }`;
const PENDING = `query { pendingDecisionExamples }`;

interface ExampleRow {
  post_id: string;
  case_id: string;
  decision: string;
  kind: string;
  categories: string[];
}

describe('decision examples', () => {
  let app: TestApp;
  let space: string;
  let moderator: TestMember;
  let admin: TestMember;
  let dir: string;
  let modelFile: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kindred-decisions-'));
    modelFile = path.join(dir, 'screening-model.json');
    copyFileSync(bundledModelPath(), modelFile);
    app = await startTestApp({ env: { WORKERS: 'off', SCREENING_MODEL: modelFile, WITHDRAWN_BODY_RETENTION_DAYS: '0' } });
    space = await firstSpaceIdInDb(app);
    [moderator, admin] = await Promise.all([registerMember(app), registerMember(app)]);
    await setRole(app, moderator.accountId, 'MODERATOR');
    await setRole(app, admin.accountId, 'ADMIN');
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A held thread with the open case screening would have given it. */
  async function heldThread(author: TestMember, body: string, reasons: Array<{ category: string; severity: string }>) {
    const postId = await insertThread(app, space, author.accountId, { status: 'HELD', title: 'Held thread', body });
    const [{ id: caseId }] = (await app.dataSource.query(
      `INSERT INTO moderation_case (post_id, priority, priority_rank) VALUES ($1, 'HIGH', 1) RETURNING id`,
      [postId],
    )) as Array<{ id: string }>;
    for (const reason of reasons) {
      await app.dataSource.query(
        `INSERT INTO case_reason (case_id, category, severity, source, detail, revision) VALUES ($1, $2, $3, 'SCREENING', 'a rule', 1)`,
        [caseId, reason.category, reason.severity],
      );
    }
    return { postId, caseId };
  }

  async function decide(caseId: string, decision: string): Promise<void> {
    ok(await app.gql(CLAIM, { id: caseId }, moderator.token));
    ok(await app.gql(RESOLVE, { input: { caseId, decision } }, moderator.token));
  }

  async function caseOf(postId: string): Promise<string> {
    const [{ id }] = (await app.dataSource.query(`SELECT id FROM moderation_case WHERE post_id = $1 AND status <> 'RESOLVED'`, [
      postId,
    ])) as Array<{ id: string }>;
    return id;
  }

  async function examplesOf(postIds: string[]): Promise<ExampleRow[]> {
    return app.dataSource.query(
      `SELECT post_id, case_id, decision, kind, categories FROM decision_example WHERE post_id = ANY($1::uuid[]) ORDER BY decided_at`,
      [postIds],
    );
  }

  async function exported(): Promise<Array<Record<string, unknown>>> {
    const file = path.join(dir, `decisions-${Date.now()}.jsonl`);
    const count = await writeDecisionExamples(app.dataSource, file);
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(count);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    return lines;
  }

  it('keeps approvals, rejections and removals after reports as labels, exports them, and lets them go with ERASE', async () => {
    const author = await registerMember(app);
    const reporters = await Promise.all([registerMember(app), registerMember(app)]);

    const approved = await heldThread(author, 'I finally flushed my leftover pills today.', [
      { category: 'DRUG_SOURCING', severity: 'HOLD' },
    ]);
    await decide(approved.caseId, 'APPROVE');

    const rejected = await heldThread(author, 'cheap rehab leads click here', [
      { category: 'SPAM', severity: 'HOLD' },
      { category: 'STIGMA', severity: 'NUDGE' },
    ]);
    await decide(rejected.caseId, 'REJECT');

    const missed = await insertThread(app, space, author.accountId, { title: 'Published thread', body: 'Words screening let through.' });
    ok(await app.gql(REPORT, { input: { postId: missed, reason: 'HARASSMENT' } }, reporters[0].token));
    ok(await app.gql(REPORT, { input: { postId: missed, reason: 'OTHER' } }, reporters[1].token));
    const missedCase = await caseOf(missed);
    await decide(missedCase, 'REMOVE');

    const changes = await heldThread(author, 'Rewrite me.', [{ category: 'PERSONAL_INFO', severity: 'HOLD' }]);
    await decide(changes.caseId, 'REQUEST_CHANGES');

    expect(await examplesOf([approved.postId, rejected.postId, missed, changes.postId])).toEqual([
      { post_id: approved.postId, case_id: approved.caseId, decision: 'APPROVE', kind: 'FALSE_HOLD', categories: [] },
      { post_id: rejected.postId, case_id: rejected.caseId, decision: 'REJECT', kind: 'CONFIRMED_HOLD', categories: ['SPAM'] },
      { post_id: missed, case_id: missedCase, decision: 'REMOVE', kind: 'MISS', categories: ['HARASSMENT'] },
    ]);

    expect(await exported()).toEqual([
      { id: approved.postId, text: 'Held thread\n\nI finally flushed my leftover pills today.', outcome: 'PUBLISH', categories: [] },
      { id: rejected.postId, text: 'Held thread\n\ncheap rehab leads click here', outcome: 'HOLD', categories: ['SPAM'], priority: 'LOW' },
      {
        id: missed,
        text: 'Published thread\n\nWords screening let through.',
        outcome: 'HOLD',
        categories: ['HARASSMENT'],
        priority: 'HIGH',
      },
    ]);
    expect(ok(await app.gql<{ pendingDecisionExamples: number }>(PENDING, {}, admin.token)).pendingDecisionExamples).toBe(3);

    ok(await app.gql(DELETE_ACCOUNT, { input: { passphrase: author.passphrase, mode: 'ERASE' } }, author.token));
    expect(await examplesOf([approved.postId, rejected.postId, missed])).toEqual([]);
    expect(await exported()).toEqual([]);
    expect(ok(await app.gql<{ pendingDecisionExamples: number }>(PENDING, {}, admin.token)).pendingDecisionExamples).toBe(0);
  });

  it('ANONYMIZE keeps the examples of the published posts it keeps, and removes the others with their posts', async () => {
    const author = await registerMember(app);
    const approved = await heldThread(author, 'A post that stays up.', [{ category: 'HARASSMENT', severity: 'HOLD' }]);
    await decide(approved.caseId, 'APPROVE');
    const rejected = await heldThread(author, 'A post that was not published.', [{ category: 'SPAM', severity: 'HOLD' }]);
    await decide(rejected.caseId, 'REJECT');

    ok(await app.gql(DELETE_ACCOUNT, { input: { passphrase: author.passphrase, mode: 'ANONYMIZE' } }, author.token));

    expect((await examplesOf([approved.postId, rejected.postId])).map((row) => row.post_id)).toEqual([approved.postId]);
    expect(await exported()).toEqual([expect.objectContaining({ id: approved.postId, outcome: 'PUBLISH' })]);
    await app.dataSource.query(`DELETE FROM post WHERE id = $1`, [approved.postId]);
  });

  it('a later decision replaces the example; an edit, a withdrawal and the eraser each take it out of the export', async () => {
    const author = await registerMember(app);
    const reporter = await registerMember(app);
    const held = await heldThread(author, 'Held, approved, then reported.', [{ category: 'SPAM', severity: 'HOLD' }]);
    await decide(held.caseId, 'APPROVE');
    ok(await app.gql(REPORT, { input: { postId: held.postId, reason: 'DRUG_SOURCING' } }, reporter.token));
    await decide(await caseOf(held.postId), 'REMOVE');
    expect(await examplesOf([held.postId])).toEqual([expect.objectContaining({ kind: 'MISS', categories: ['DRUG_SOURCING'] })]);

    const edited = await heldThread(author, 'Approved, then edited.', [{ category: 'SPAM', severity: 'HOLD' }]);
    await decide(edited.caseId, 'APPROVE');
    await app.dataSource.query(`UPDATE post SET body = 'Other words.', revision = revision + 1 WHERE id = $1`, [edited.postId]);

    const withdrawn = await heldThread(author, 'Approved, then withdrawn.', [{ category: 'SPAM', severity: 'HOLD' }]);
    await decide(withdrawn.caseId, 'APPROVE');
    await app.dataSource.query(`UPDATE post SET status = 'REMOVED', withdrawn_at = now() WHERE id = $1`, [withdrawn.postId]);

    // Only the miss has the words its moderator read.
    expect((await exported()).map((line) => line.id)).toEqual([held.postId]);

    await app.running.app.get(WithdrawnBodyEraser).eraseOnce();
    expect((await examplesOf([held.postId, edited.postId, withdrawn.postId])).map((row) => row.post_id)).toEqual([
      held.postId,
      edited.postId,
    ]);
  });

  describe('the trained model', () => {
    it('is admins only: members and moderators get FORBIDDEN', async () => {
      const member = await registerMember(app);
      for (const token of [member.token, moderator.token]) {
        expect(codeOf(await app.gql(MODEL, {}, token))).toBe('FORBIDDEN');
        expect(codeOf(await app.gql(PENDING, {}, token))).toBe('FORBIDDEN');
      }
      expect(codeOf(await app.gql(MODEL))).toBe('UNAUTHENTICATED');
    });

    it('shows the version, date, counts and figures of the weights file screening uses', async () => {
      const expected = parseModelSummary(JSON.parse(readFileSync(modelFile, 'utf8')));
      const { screeningModel } = ok(await app.gql(MODEL, {}, admin.token));
      expect(screeningModel).toMatchObject({
        version: expected.version,
        trainedAt: expected.trainedAt.toISOString(),
        examples: expected.examples,
        decisionExamples: expected.decisionExamples,
        figures: { holdRecall: expected.figures.holdRecall, falseHoldRate: expected.figures.falseHoldRate },
      });
      expect(screeningModel.figures.categoryRecall).toHaveLength(8);
    });
  });
});
