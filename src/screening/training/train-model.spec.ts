import { bareRules, syntheticPosts } from '../../../test/support/screening-model-fakes';
import { compileRules, screenText } from '../engine';
import { modelOpinion } from '../model/opinion';
import { URGENT_POLICY } from '../model/thresholds';
import { fromModelFile, serializeModelFile } from '../model/weights-file';
import { DEFAULT_TRAINING, trainModel, TrainingOptions } from './train-model';

const posts = syntheticPosts(10);
/** Voices 0-5 fit, 6-7 validate, 8-9 are the evaluation split. */
const evaluationVoices = new Set(['s-v08', 's-v09']);
const options = (trainedAt: string): TrainingOptions => ({
  ...DEFAULT_TRAINING,
  hashBits: 10,
  // Six fitting voices show each synthetic family once.
  minFamilyPosts: 6,
  trainedAt,
  isValidationVoice: (voice) => voice === 's-v06' || voice === 's-v07',
});

function train(trainedAt = '2026-01-01T00:00:00.000Z', extra: { text: string; categories: string[] }[] = []) {
  return trainModel(
    {
      training: posts.filter((p) => !evaluationVoices.has(p.voice)),
      evaluation: posts.filter((p) => evaluationVoices.has(p.voice)),
      extra,
      rules: bareRules(),
    },
    options(trainedAt),
  );
}

describe('training the screening model', () => {
  const first = train();

  it('is deterministic: the same data gives a byte-identical file, and trainedAt is only metadata', () => {
    const again = train();
    expect(serializeModelFile(again.file)).toBe(serializeModelFile(first.file));
    const later = train('2027-06-01T12:00:00.000Z');
    expect(later.file.weights).toBe(first.file.weights);
    expect(later.file.version).toBe(first.file.version);
    expect(later.file.trainedAt).toBe('2027-06-01T12:00:00.000Z');
  });

  it('stores the counts, thresholds and figures other tools read, and the file loads back as the same model', () => {
    const { file, model } = first;
    expect(file.examples).toMatchObject({ training: 60, validation: 20, evaluation: 20, extra: 0 });
    expect(file.examples.trainingHolds).toMatchObject({ SELF_HARM: 18, DRUG_SOURCING: 12, SPAM: 0 });
    expect(Object.keys(file.thresholds)).toHaveLength(8);
    expect(file.thresholds.SELF_HARM).toBeLessThanOrEqual(URGENT_POLICY.high);
    expect(file.figures.validation.posts).toBe(20);
    expect(file.figures.evaluation?.voices).toBe(2);
    expect(fromModelFile(JSON.parse(serializeModelFile(file)), 'model.json')).toEqual(model);
  });

  it('learns the synthetic crises the bare rules miss, on voices it never saw', () => {
    const evaluation = first.file.figures.evaluation;
    expect(evaluation?.rules.categoryRecall.SELF_HARM).toBe(0);
    expect(evaluation?.withModel.categoryRecall.SELF_HARM).toBe(1);
    expect(evaluation?.withModel.falseHoldRate).toBe(0);
    const held = screenText(
      'i wrote the letters and i will not need anything after tuesday',
      undefined,
      bareRules(),
      modelOpinion(first.model),
    );
    expect(held).toMatchObject({ outcome: 'HOLD', categories: ['SELF_HARM'] });
    expect(held.reasons[0].detail).toMatch(/^model [0-9a-f]{8}: SELF_HARM( \([a-z_]+\))? 0\.\d\d ≥ 0\.\d\d \(words: /);
  });

  it('takes extra examples into the fitting set only', () => {
    const { file } = train(undefined, [{ text: 'buy cheap followers at my site now', categories: ['SPAM'] }]);
    expect(file.examples).toMatchObject({ training: 60, extra: 1, validation: 20 });
    expect(file.examples.trainingHolds.SPAM).toBe(1);
    expect(file.version).not.toBe(first.file.version);
  });

  it('fits a column for each cue family enough fitting posts show, and names them in the file', () => {
    expect(first.file.families).toEqual(['SELF_HARM/farewell', 'SELF_HARM/method', 'SELF_HARM/preparation']);
    expect(first.model.bias).toHaveLength(8 + 3);
    const fewer = trainModel(
      { training: posts.filter((p) => !evaluationVoices.has(p.voice)), evaluation: [], extra: [], rules: bareRules() },
      { ...options('2026-01-01T00:00:00.000Z'), minFamilyPosts: 7 },
    );
    expect(fewer.file.families).toEqual([]);
    expect(fewer.model.bias).toHaveLength(8);
    // The model trained with family columns still holds a farewell the bare rules publish.
    const farewell = screenText(
      'this is goodbye, i gave away my things and tonight is the night',
      undefined,
      bareRules(),
      modelOpinion(first.model),
    );
    expect(farewell.categories).toEqual(['SELF_HARM']);
  });

  it('makes the lists the rules matched in enough fitting posts features, and names them in the file', () => {
    // A farewell list the rules never hold on alone: only the model can learn what it is worth.
    const rules = compileRules([
      { patterns: { 'selfHarm.farewell.weak': ['(wrote|gave away|this is)'], 'selfHarm.idiom': ['no such phrase ever'] } },
    ]);
    const { file, model } = trainModel(
      { training: posts.filter((p) => !evaluationVoices.has(p.voice)), evaluation: [], extra: [], rules },
      options('2026-01-01T00:00:00.000Z'),
    );
    expect(file.features.cues).toEqual({ weight: DEFAULT_TRAINING.cueWeight, lists: ['selfHarm.farewell.weak'] });
    expect([...model.cueLists]).toEqual(['selfHarm.farewell.weak']);
    expect(file.version).not.toBe(first.file.version);
  });
});
