import { PassThrough } from 'node:stream';
import { runScreenCommand } from './screen-command';

async function run(input: string): Promise<{ code: number; lines: Array<Record<string, unknown>> }> {
  const source = new PassThrough();
  const sink = new PassThrough();
  let out = '';
  sink.on('data', (c: Buffer) => (out += c.toString('utf8')));
  source.end(input);
  const code = await runScreenCommand(source, sink);
  return {
    code,
    lines: out
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('runScreenCommand', () => {
  it('writes one decision per input line, in order', async () => {
    const { code, lines } = await run(
      [JSON.stringify({ id: 'p1', text: 'Day 9, feeling steady.' }), '', JSON.stringify({ id: 'p2', text: 'who has percs tonight' })].join(
        '\n',
      ),
    );
    expect(code).toBe(0);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      id: 'p1',
      outcome: 'PUBLISH',
      categories: [],
      priority: null,
      reasons: [],
      suggestions: [],
      crisisResources: false,
    });
    expect(lines[1]).toMatchObject({ id: 'p2', outcome: 'HOLD', categories: ['DRUG_SOURCING'], priority: 'HIGH', crisisResources: false });
    const reason = (lines[1].reasons as Array<Record<string, unknown>>)[0];
    expect(Object.keys(reason).sort()).toEqual(['category', 'detail', 'end', 'severity', 'start']);
  });

  it('reports malformed lines with their line number and keeps going', async () => {
    const { code, lines } = await run(
      [
        '{not json',
        JSON.stringify({ id: 'no-text' }),
        JSON.stringify({ id: 'n', text: 42 }),
        '[1,2]',
        JSON.stringify({ id: 'ok', text: "I'm an addict, day 30" }),
      ].join('\n'),
    );
    expect(code).toBe(1);
    expect(lines[0]).toMatchObject({ line: 1 });
    expect(typeof lines[0].error).toBe('string');
    expect(lines[1]).toMatchObject({ line: 2, id: 'no-text' });
    expect(lines[2]).toMatchObject({ line: 3, id: 'n' });
    expect(lines[3]).toMatchObject({ line: 4 });
    expect(lines[4]).toMatchObject({ id: 'ok', outcome: 'PUBLISH_WITH_SUGGESTIONS', categories: ['STIGMA'] });
    expect((lines[4].suggestions as Array<Record<string, unknown>>)[0]).toMatchObject({ term: 'addict', start: 7, end: 13 });
  });

  it('passes recentDuplicateCount through as context', async () => {
    const { lines } = await run(
      [
        JSON.stringify({ id: 'd', text: 'same text', recentDuplicateCount: 2 }),
        JSON.stringify({ id: 'e', text: 'x', recentDuplicateCount: 'two' }),
      ].join('\n'),
    );
    expect(lines[0]).toMatchObject({ id: 'd', outcome: 'REJECT', categories: ['SPAM'], priority: 'LOW' });
    expect(lines[1]).toMatchObject({ line: 2, id: 'e' });
  });
});
