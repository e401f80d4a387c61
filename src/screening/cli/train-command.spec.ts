import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { bareRules, syntheticPosts } from '../../../test/support/screening-model-fakes';
import type { ExampleSource, LabeledExample } from '../training/example-source';
import { parseTrainArgs, runTrainCommand, TrainArgs } from './train-command';

describe('the train command', () => {
  let dir: string;
  let args: TrainArgs;
  const posts = syntheticPosts(10);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kindred-train-'));
    mkdirSync(join(dir, 'corpus', 'posts'), { recursive: true });
    mkdirSync(join(dir, 'fixtures'));
    writeFileSync(join(dir, 'corpus', 'posts', 'synthetic.jsonl'), posts.map((p) => JSON.stringify(p)).join('\n'));
    writeFileSync(join(dir, 'corpus', 'split.json'), JSON.stringify({ evaluation: ['s-v08', 's-v09'] }));
    args = parseTrainArgs(['--hash-bits', '10'], { corpusDir: join(dir, 'corpus'), out: join(dir, 'model.json') }) as TrainArgs;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function run(a: TrainArgs, decisions: ExampleSource | null = null): Promise<{ code: number; text: string }> {
    const sink = new PassThrough();
    let text = '';
    sink.on('data', (c: Buffer) => (text += c.toString('utf8')));
    const env = { rules: bareRules(), fixturesDir: join(dir, 'fixtures'), decisions, now: () => new Date('2026-01-01T00:00:00Z') };
    const code = await runTrainCommand(a, env, sink);
    return { code, text };
  }

  const source = (examples: LabeledExample[]): ExampleSource => ({ name: 'moderator decisions', load: () => Promise.resolve(examples) });

  it('parses its flags', () => {
    expect(args).toMatchObject({ hashBits: 10, fixtures: true, includeDecisions: false });
    expect(parseTrainArgs(['--include-decisions', '--no-fixtures', '--out', 'x.json'], { corpusDir: 'c', out: 'o' })).toMatchObject({
      includeDecisions: true,
      fixtures: false,
      out: 'x.json',
    });
    expect(parseTrainArgs(['--false-hold-budget', '0.01'], { corpusDir: 'c', out: 'o' })).toMatchObject({ falseHoldBudget: 0.01 });
    expect(parseTrainArgs(['--false-hold-budget', '2'], { corpusDir: 'c', out: 'o' })).toMatch(/must be a share/);
    expect(parseTrainArgs(['--bogus'], { corpusDir: 'c', out: 'o' })).toMatch(/unknown argument "--bogus"/);
  });

  it('trains, prints the figures and writes the weights file', async () => {
    const { code, text } = await run(args);
    expect(code).toBe(0);
    expect(text).toMatch(/evaluation: 20 posts from 2 voices/);
    expect(text).toMatch(/rules \+ model\s+hold recall/);
    expect(text).toMatch(/SELF_HARM\s+0\.\d\d/);
    const file = JSON.parse(readFileSync(args.out, 'utf8')) as { format: string; trainedAt: string };
    expect(file).toMatchObject({ format: 'kindred-screening-model/3', trainedAt: '2026-01-01T00:00:00.000Z' });
  });

  it('refuses --include-decisions without a source of decisions', async () => {
    const { code, text } = await run({ ...args, includeDecisions: true });
    expect(code).toBe(2);
    expect(text).toMatch(/--include-decisions needs the moderator decisions/);
  });

  it('with decisions, writes a model no worse than the current one', async () => {
    const { code, text } = await run({ ...args, includeDecisions: true }, source([]));
    expect(text).toContain('0 examples from moderator decisions');
    expect(code).toBe(0);
  });

  it('with decisions, refuses to write a model worse on urgent recall, and leaves the current file alone', async () => {
    const before = readFileSync(args.out, 'utf8');
    // Decisions that approved every crisis post and held check-ins instead: learned from, they would blind the model.
    const approvedCrises = posts.flatMap((p) =>
      Array.from({ length: 5 }, () => ({ text: p.text, categories: p.categories.includes('SELF_HARM') ? [] : ['SELF_HARM'] })),
    );
    const { code, text } = await run({ ...args, includeDecisions: true }, source(approvedCrises));
    expect(code).toBe(1);
    expect(text).toMatch(
      /not written: the new model is worse than .*model\.json on the evaluation voices:\n {2}urgent recall would fall from 100\.0% to/,
    );
    expect(readFileSync(args.out, 'utf8')).toBe(before);
  });
});
