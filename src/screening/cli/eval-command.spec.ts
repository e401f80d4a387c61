import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { runEvalCommand } from './eval-command';

async function run(path: string): Promise<{ code: number; text: string }> {
  const sink = new PassThrough();
  let text = '';
  sink.on('data', (c: Buffer) => (text += c.toString('utf8')));
  const code = await runEvalCommand(path, sink);
  return { code, text };
}

describe('runEvalCommand', () => {
  it('reports metrics on the dev corpus', async () => {
    const { code, text } = await run(resolve(__dirname, '../../../test/fixtures/screening-dev.jsonl'));
    expect(code).toBe(0);
    expect(text).toContain('60 posts');
    expect(text).toMatch(/false-hold rate\s+0\.0%/);
    expect(text).toMatch(/urgent recall\s+100\.0%/);
    expect(text).toContain('mismatches: 0');
  });

  it('lists mismatches of any labeled file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kindred-eval-'));
    try {
      const file = join(dir, 'set.jsonl');
      writeFileSync(
        file,
        `${JSON.stringify({ id: 'm1', text: 'Day 3, tired but ok', outcome: 'HOLD', categories: ['SPAM'], priority: 'LOW' })}\n`,
      );
      const { code, text } = await run(file);
      expect(code).toBe(0);
      expect(text).toContain('mismatches: 1');
      expect(text).toContain('m1: expected HOLD[SPAM]LOW, got PUBLISH[]');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with exit code 2 on an unreadable file', async () => {
    const { code, text } = await run('/nonexistent/nowhere.jsonl');
    expect(code).toBe(2);
    expect(text).toContain('cannot evaluate');
  });
});
