import { KindredLogger } from './kindred-logger';
import { runWithRequestId } from './request-context';

/** Collects what the logger writes to stdout and stderr while fn runs. */
function written(fn: () => void): string[] {
  const lines: string[] = [];
  const capture = (chunk: string | Uint8Array): boolean => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  };
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    fn();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return lines;
}

describe('KindredLogger', () => {
  it('writes one JSON object a line in json mode, with the request id inside a request', () => {
    const logger = new KindredLogger(['error', 'warn', 'log'], { json: true });
    const lines = written(() => {
      logger.log('outside', 'Outside');
      runWithRequestId('req-42', () => logger.warn('inside', 'Inside'));
      runWithRequestId('req-43', () => logger.error('failed', 'at frame\nat another', 'Inside'));
    });
    const objects = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(objects).toHaveLength(3);
    expect(objects[0]).toMatchObject({ level: 'log', context: 'Outside', message: 'outside', pid: process.pid });
    expect(objects[0]).not.toHaveProperty('requestId');
    expect(typeof objects[0].timestamp).toBe('number');
    expect(objects[1]).toMatchObject({ level: 'warn', context: 'Inside', message: 'inside', requestId: 'req-42' });
    expect(objects[2]).toMatchObject({ level: 'error', message: 'failed', requestId: 'req-43', stack: 'at frame\nat another' });
  });

  it("still demotes Nest's start-up lines to debug", () => {
    const logger = new KindredLogger(['error', 'warn', 'log'], { json: true });
    expect(written(() => logger.log('Mapped {/graphql, POST} route', 'RouterExplorer'))).toEqual([]);
    const verbose = new KindredLogger(['error', 'warn', 'log', 'debug'], { json: true });
    const [line] = written(() => verbose.log('Mapped {/graphql, POST} route', 'RouterExplorer'));
    expect(JSON.parse(line)).toMatchObject({ level: 'debug', context: 'RouterExplorer' });
  });

  it('keeps the text format by default', () => {
    const logger = new KindredLogger(['log']);
    const [line] = written(() => logger.log('hello', 'Ctx'));
    expect(() => JSON.parse(line)).toThrow();
    // eslint-disable-next-line no-control-regex -- colour codes, whether or not this terminal has colour
    expect(line.replace(/\x1b\[[0-9;]*m/g, '')).toContain('[Ctx] hello');
  });
});
