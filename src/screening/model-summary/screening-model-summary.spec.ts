import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { bundledModelPath } from '../model/load-model';
import { MODEL_FORMAT } from '../model/model';
import { parseModelSummary, ScreeningModelFile } from './screening-model-summary';

const FIXTURE = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'screening-model.json');

describe('the screening model summary', () => {
  it('reads version, training date, example counts and figures from the weights file, never the weights', async () => {
    const summary = await new ScreeningModelFile(FIXTURE).summary();
    expect(summary).toEqual({
      version: '5e1f00d2',
      trainedAt: new Date('2026-12-05T16:00:00.000Z'),
      examples: 4926,
      decisionExamples: 3,
      figures: {
        holdRecall: 0.94,
        falseHoldRate: 0.03,
        urgentRecall: 0.99,
        categoryRecall: [
          { category: 'SELF_HARM', recall: 0.98 },
          { category: 'OVERDOSE_EMERGENCY', recall: 1 },
          { category: 'DRUG_SOURCING', recall: 0.91 },
          { category: 'DOSING_INSTRUCTIONS', recall: null },
          { category: 'PERSONAL_INFO', recall: null },
          { category: 'HARASSMENT', recall: null },
          { category: 'STIGMA', recall: null },
          { category: 'SPAM', recall: null },
        ],
      },
    });
  });

  it('is null when there is no file: no model trained yet', async () => {
    await expect(new ScreeningModelFile(path.join(tmpdir(), 'no-such-dir', 'screening-model.json')).summary()).resolves.toBeNull();
  });

  it('reads missing figures and counts as null and zero', () => {
    const summary = parseModelSummary({ format: MODEL_FORMAT, version: '7', trainedAt: '2026-12-01T00:00:00Z' });
    expect(summary).toMatchObject({ version: '7', examples: 0, decisionExamples: 0 });
    expect(summary.figures).toMatchObject({ holdRecall: null, falseHoldRate: null, urgentRecall: null });
    expect(summary.figures.categoryRecall).toContainEqual({ category: 'SPAM', recall: null });
  });

  it('reads the bundled weights file', async () => {
    const summary = await new ScreeningModelFile(bundledModelPath()).summary();
    expect(summary?.figures.holdRecall).toBeGreaterThan(0);
    expect(summary?.examples).toBeGreaterThan(0);
  });

  it('refuses a file of another format, or without a version or a training date', () => {
    expect(() => parseModelSummary({ format: 'something-else/1', version: '1', trainedAt: '2026-12-01T00:00:00Z' })).toThrow(MODEL_FORMAT);
    expect(() => parseModelSummary({ format: MODEL_FORMAT, trainedAt: '2026-12-01T00:00:00Z' })).toThrow('version');
    expect(() => parseModelSummary({ format: MODEL_FORMAT, version: '1', trainedAt: 'yesterday' })).toThrow('trainedAt');
    expect(() => parseModelSummary([])).toThrow(MODEL_FORMAT);
  });

  it('reads the file again once it changes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kindred-model-'));
    try {
      const file = path.join(dir, 'screening-model.json');
      const write = (version: string, mtime: Date) => {
        writeFileSync(file, JSON.stringify({ format: MODEL_FORMAT, version, trainedAt: '2026-12-01T00:00:00Z' }));
        utimesSync(file, mtime, mtime);
      };
      const model = new ScreeningModelFile(file);
      write('1', new Date('2026-12-01T00:00:00Z'));
      expect((await model.summary())?.version).toBe('1');
      write('2', new Date('2026-12-02T00:00:00Z'));
      expect((await model.summary())?.version).toBe('2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
