/**
 * Screening on the held-out voices (corpus/split.json): writers neither the rules nor the model
 * were tuned on, screened by the bundled rules followed by the shipped model, as the app does.
 * The report is printed; the test fails when a figure falls below its floor.
 *
 * The floors guard what is measured today, a post or two below it, and never sit below the
 * targets: hold recall 0.90, SELF_HARM and OVERDOSE_EMERGENCY 0.95, suggestions 0.85, false
 * holds at most 0.05. SELF_HARM's floor is its target, one post below today's 164 of 172.
 */
import { resolve } from 'node:path';
import { defaultRules, screenText } from '../engine';
import { bundledModelPath, loadModelFile } from '../model/load-model';
import { modelOpinion } from '../model/opinion';
import { readCorpus } from './corpus';
import { formatHeldOutReport, heldOutReport, HeldOutReport } from './held-out';

const FLOORS = {
  holdRecall: 0.94,
  selfHarmRecall: 0.95,
  overdoseRecall: 0.96,
  urgentRecall: 0.95,
  suggestions: 0.86,
  /** A ceiling: the share of benign posts held. */
  falseHolds: 0.05,
};

describe('screening on the held-out voices', () => {
  let report: HeldOutReport;

  beforeAll(() => {
    const posts = readCorpus({ corpusDir: resolve(__dirname, '..', '..', '..', 'corpus'), fixtureFiles: [] }).evaluation;
    const rules = defaultRules();
    const opinion = modelOpinion(loadModelFile(bundledModelPath()));
    report = heldOutReport(
      posts,
      posts.map((p) => screenText(p.text, undefined, rules)),
      posts.map((p) => screenText(p.text, undefined, rules, opinion)),
    );
    process.stdout.write(formatHeldOutReport(report, 'held-out voices'));
  });

  it('is measured on voices of every writer, kept out of training', () => {
    expect(report.voices).toBeGreaterThanOrEqual(12);
    expect(report.posts).toBeGreaterThan(1000);
  });

  it(`holds at least ${FLOORS.holdRecall} of what should be held, and at most ${FLOORS.falseHolds} of benign posts`, () => {
    expect(report.withModel.holdRecall).toBeGreaterThanOrEqual(FLOORS.holdRecall);
    expect(report.withModel.falseHoldRate).toBeLessThanOrEqual(FLOORS.falseHolds);
  });

  it('holds crises as URGENT', () => {
    expect(report.withModel.categoryRecall.SELF_HARM).toBeGreaterThanOrEqual(FLOORS.selfHarmRecall);
    expect(report.withModel.categoryRecall.OVERDOSE_EMERGENCY).toBeGreaterThanOrEqual(FLOORS.overdoseRecall);
    expect(report.withModel.urgentRecall).toBeGreaterThanOrEqual(FLOORS.urgentRecall);
  });

  it('suggests person-first words to people describing themselves', () => {
    expect(report.suggested.rate).toBeGreaterThanOrEqual(FLOORS.suggestions);
  });

  it('gains from the model in every urgent category, never loses', () => {
    for (const c of ['SELF_HARM', 'OVERDOSE_EMERGENCY'] as const)
      expect(report.withModel.categoryRecall[c] ?? 0).toBeGreaterThanOrEqual(report.rules.categoryRecall[c] ?? 0);
  });
});
