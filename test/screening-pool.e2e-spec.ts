import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import { MODEL_FORMAT } from '../src/screening/model/model';
import { ScreeningPool } from '../src/screening/pool/screening-pool';
import { codeOf, ok } from './support/gql';
import { registerMember } from './support/members';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The screening pool on its own (real threads, the compiled engine from `npm run build`) and
 * with the operator's rule files: each thread compiles SCREENING_RULES_DIR and reads
 * SCREENING_MODEL as the app did.
 */

const WITH_LABEL = 'I was a dopehound for years. Today I went to my meeting.';
const DRAFT = `query Draft($body: String!) { screenDraft(body: $body) { outcome suggestions { term } } }`;

function rulesDir(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-rules-'));
  for (const [name, content] of Object.entries(files))
    fs.writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}

describe('the screening pool', () => {
  it('screens in a worker thread and refuses, at once, what neither a thread nor the queue can take', async () => {
    const pool = new ScreeningPool({ threads: 1, queueMax: 1, rulesDir: null, model: { kind: 'bundled' } });
    try {
      await pool.ready();
      const running = pool.screen({ body: "I'm an addict and 90 days clean.", title: 'Checking in' });
      const queued = pool.tryScreen({ body: 'Queued behind it.' });
      expect(queued).not.toBeNull();
      expect(pool.tryScreen({ body: 'No room for this one.' })).toBeNull();

      const result = await running;
      expect(result.threadId).not.toBe(threadId);
      expect(result.bodyDecision.outcome).toBe('PUBLISH_WITH_SUGGESTIONS');
      expect(result.titleDecision?.outcome).toBe('PUBLISH');
      expect((await queued)?.bodyDecision.outcome).toBe('PUBLISH');
      expect(pool.tryScreen({ body: 'Room again.' })).not.toBeNull();
    } finally {
      await pool.close();
    }
    expect(pool.threads).toBe(0);
  });

  it('fails to start on a bad operator rule file, naming the file', async () => {
    const dir = rulesDir({ 'broken.json': { lexicons: { drug: 'not a list' } } });
    const pool = new ScreeningPool({ threads: 1, queueMax: 0, rulesDir: dir, model: { kind: 'off' } });
    try {
      await expect(pool.ready()).rejects.toThrow(/broken\.json/);
    } finally {
      await pool.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails to start on a weights file of another format, naming the file', async () => {
    const dir = rulesDir({ 'model.json': { format: 'something-else/2' } });
    const file = path.join(dir, 'model.json');
    const pool = new ScreeningPool({ threads: 1, queueMax: 0, rulesDir: null, model: { kind: 'file', path: file } });
    try {
      await expect(pool.ready()).rejects.toThrow(`model.json: format is "something-else/2", expected "${MODEL_FORMAT}"`);
    } finally {
      await pool.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('operator rule files in the screening threads', () => {
  let app: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = rulesDir({ 'labels.json': { description: 'a local label', personFirst: [{ kind: 'label', terms: ['dopehound'] }] } });
    app = await startTestApp({ env: { WORKERS: 'off', SCREENING_RULES_DIR: dir } });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('apply to screenDraft', async () => {
    const member = await registerMember(app);
    const response = await app.gql<{ screenDraft: { outcome: string; suggestions: Array<{ term: string }> } }>(
      DRAFT,
      { body: WITH_LABEL },
      member.token,
    );
    expect(codeOf(response)).toBeUndefined();
    expect(ok(response).screenDraft).toMatchObject({ outcome: 'PUBLISH_WITH_SUGGESTIONS', suggestions: [{ term: 'dopehound' }] });
  });
});
