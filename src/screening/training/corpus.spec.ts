import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorpusError, fixtureVoice, isValidationVoice, parseJsonl, parseSplit, readCorpus } from './corpus';

const line = (id: string, voice: string, outcome = 'PUBLISH', categories: string[] = []): string =>
  JSON.stringify({ id, voice, text: `post ${id}`, outcome, categories });

describe('the training corpus', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kindred-corpus-'));
    mkdirSync(join(dir, 'corpus', 'posts'), { recursive: true });
    writeFileSync(join(dir, 'corpus', 'posts', 'a.jsonl'), [line('a1', 'wa-v01'), line('a2', 'wa-v02', 'HOLD', ['SELF_HARM'])].join('\n'));
    writeFileSync(join(dir, 'corpus', 'posts', 'b.jsonl'), `${line('b1', 'wb-v01')}\n\n${line('b2', 'wa-v02')}\n`);
    writeFileSync(join(dir, 'corpus', 'split.json'), JSON.stringify({ evaluation: ['wa-v02'] }));
    writeFileSync(join(dir, 'screening-dev.jsonl'), JSON.stringify({ id: 'd1', text: 'fixture', outcome: 'PUBLISH', categories: [] }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('splits by voice: every post of an evaluation voice, from any file, is kept out of training', () => {
    const corpus = readCorpus({ corpusDir: join(dir, 'corpus'), fixtureFiles: [join(dir, 'screening-dev.jsonl')] });
    expect(corpus.evaluation.map((p) => p.id)).toEqual(['a2', 'b2']);
    expect(corpus.training.map((p) => [p.id, p.voice])).toEqual([
      ['a1', 'wa-v01'],
      ['b1', 'wb-v01'],
      ['d1', 'fixture:screening-dev.jsonl'],
    ]);
  });

  it('names the file and line of a bad post, and a bad split', () => {
    expect(() =>
      parseJsonl(`${line('x', 'v')}\n{"text": "no voice", "outcome": "PUBLISH", "categories": []}`, 'posts/x.jsonl', null),
    ).toThrow(new CorpusError('posts/x.jsonl:2: missing "voice"'));
    expect(() => parseJsonl(JSON.stringify({ voice: 'v', text: 't', outcome: 'MAYBE', categories: [] }), 'f', null)).toThrow(
      /f:1: "outcome"/,
    );
    expect(() => parseSplit('{"eval": []}', 'split.json')).toThrow(/split\.json: expected \{"evaluation"/);
    expect(() => readCorpus({ corpusDir: join(dir, 'nowhere'), fixtureFiles: [] })).toThrow(/cannot read the corpus/);
  });

  it('chooses validation voices by a hash of their id: fixed, about one in five, never a fixture', () => {
    const voices = Array.from({ length: 1000 }, (_, i) => `voice-${i}`);
    const chosen = voices.filter((v) => isValidationVoice(v));
    expect(chosen.length).toBeGreaterThan(150);
    expect(chosen.length).toBeLessThan(250);
    expect(voices.filter((v) => isValidationVoice(v))).toEqual(chosen);
    expect(isValidationVoice('s-v01')).toBe(true);
    expect(isValidationVoice('s-v02')).toBe(false);
    expect(isValidationVoice(fixtureVoice('/x/screening-blind.jsonl'), 1)).toBe(false);
  });
});
