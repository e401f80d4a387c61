import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { handModel } from '../../../test/support/screening-model-fakes';
import { bundledModelPath, loadModel, loadModelFile, readModelFile } from './load-model';
import { fromModelFile, ModelFile, ModelFormatError, quantize, serializeModelFile, toModelFile } from './weights-file';

const META = {
  trainedAt: '2026-01-01T00:00:00.000Z',
  examples: { training: 1, validation: 1, evaluation: 0, extra: 0, trainingHolds: {} as ModelFile['examples']['trainingHolds'] },
  figures: { validation: null as unknown as ModelFile['figures']['validation'], evaluation: null },
  training: {},
};

describe('the weights file', () => {
  const model = handModel({ letters: { SELF_HARM: 40 } }, { SELF_HARM: 0.3 }, 8);
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'kindred-model-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, content: unknown): string => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  it('round-trips a model, thresholds included, through its text', () => {
    const file = toModelFile(model, META);
    expect(file).toMatchObject({ format: 'kindred-screening-model/3', version: model.version, trainedAt: META.trainedAt });
    expect(file.thresholds.SELF_HARM).toBe(0.3);
    const loaded = loadModelFile(write('ok.json', serializeModelFile(file)));
    expect(loaded).toEqual(model);
    expect(readModelFile(join(dir, 'ok.json')).version).toBe(model.version);
  });

  it('rejects a file of another format with a message naming the file and the expected format', () => {
    const path = write('other.json', { format: 'onnx', weights: '' });
    expect(() => loadModelFile(path)).toThrow(ModelFormatError);
    expect(() => loadModelFile(path)).toThrow(`${path}: format is "onnx", expected "kindred-screening-model/3"`);
    expect(() => loadModel({ kind: 'file', path: write('list.json', []) })).toThrow(/list\.json: not a JSON object/);
    expect(() => loadModelFile(write('broken.json', '{"format": '))).toThrow(/cannot read the screening model .*broken\.json/);
    expect(() => loadModelFile(join(dir, 'missing.json'))).toThrow(/cannot read the screening model .*missing\.json/);
  });

  it('rejects weights of the wrong size, and content that does not match its version', () => {
    const file = toModelFile(model, META);
    expect(() => fromModelFile({ ...file, weights: deflateRawSync(Buffer.alloc(75)).toString('base64') }, 'short.json')).toThrow(
      /short\.json: "weights" holds 75 bytes, expected 2048/,
    );
    expect(() => fromModelFile({ ...file, weights: Buffer.alloc(2048).toString('base64') }, 'raw.json')).toThrow(
      /raw\.json: "weights" must be deflated int8 weights in base64/,
    );
    expect(() => fromModelFile({ ...file, features: { ...file.features, cues: { weight: 3, lists: ['a', 'a'] } } }, 'cues.json')).toThrow(
      /cues\.json: "features\.cues\.lists" must list distinct rules list names/,
    );
    expect(() => fromModelFile({ ...file, features: { ...file.features, cues: { weight: 500, lists: [] } } }, 'heavy.json')).toThrow(
      /heavy\.json: "features\.cues\.weight" must be a whole number from 0 to 127/,
    );
    expect(() => fromModelFile({ ...file, thresholds: { ...file.thresholds, SELF_HARM: 0.9 } }, 'edited.json')).toThrow(
      /edited\.json: content does not match its version/,
    );
  });

  it('round-trips cue family columns, and rejects families of no listed category or of the wrong count', () => {
    const withFamilies = handModel({ enough: { 'SELF_HARM/method': 40 } }, { SELF_HARM: 0.3 }, 8, ['SELF_HARM/method', 'SELF_HARM/plan']);
    const file = toModelFile(withFamilies, META);
    expect(file.families).toEqual(['SELF_HARM/method', 'SELF_HARM/plan']);
    expect(loadModelFile(write('families.json', serializeModelFile(file)))).toEqual(withFamilies);
    expect(() => fromModelFile({ ...file, families: ['NOT_A_CATEGORY/method', 'SELF_HARM/plan'] }, 'stray.json')).toThrow(
      /stray\.json: "families" must list distinct cue families named CATEGORY\/family, of the listed categories/,
    );
    expect(() => fromModelFile({ ...file, families: ['SELF_HARM/method'] }, 'count.json')).toThrow(
      /count\.json: "bias" and "scales" need 9 numbers each \(8 categories \+ 1 families\)/,
    );
  });

  it('is off when asked, and otherwise found at the project root', () => {
    expect(loadModel({ kind: 'off' })).toBeNull();
    expect(bundledModelPath()).toMatch(/models\/screening-model\.json$/);
  });

  it('quantizes each category to int8 with its own scale', () => {
    const { scales, weights } = quantize([Float64Array.from([0.25, -1, 0]), Float64Array.from([0, 0, 0])]);
    expect(Array.from(scales)).toEqual([Number((1 / 127).toFixed(9)), 1]);
    expect(Array.from(weights)).toEqual([32, 0, -127, 0, 0, 0]);
  });
});
