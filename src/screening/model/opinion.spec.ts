import { bareRules, handModel } from '../../../test/support/screening-model-fakes';
import { screenText } from '../engine';
import { analyze } from '../engine/doc';
import { modelFindings, modelOpinion } from './opinion';

describe('the model as a second opinion', () => {
  const rules = bareRules();
  // "won't" reads as the tokens "will not", which share its span.
  const words = { letters: { SELF_HARM: 60 }, will: { SELF_HARM: 20 }, not: { SELF_HARM: 20 }, need: { SELF_HARM: 45 } };
  const model = handModel({ ...words, plug: { DRUG_SOURCING: 40 } }, { SELF_HARM: 0.35 });
  const text = 'Finished the  Letters today. I won\u2019t need my coat after Friday.';

  it('explains a hold with the words that pushed it, their spans pointing into the original text', () => {
    const [finding] = modelFindings(model, analyze(text, rules));
    expect(finding.category).toBe('SELF_HARM');
    expect(finding.words.map((w) => w.text)).toEqual(['won\u2019t need', 'Letters']);
    for (const w of finding.words) expect(text.slice(w.start, w.end)).toBe(w.text);
    expect(finding.words[0].weight).toBeGreaterThan(finding.words[1].weight);
  });

  it('holds through screenText with a reason naming the model, score, threshold and words', () => {
    const decision = screenText(text, undefined, rules, modelOpinion(model));
    expect(decision.outcome).toBe('HOLD');
    expect(decision.priority).toBe('URGENT');
    const [reason] = decision.reasons;
    expect(reason).toMatchObject({ category: 'SELF_HARM', severity: 'HOLD' });
    expect(text.slice(reason.start, reason.end)).toBe('won\u2019t need');
    expect(reason.detail).toMatch(
      new RegExp(`^model ${model.version}: SELF_HARM 0\\.\\d\\d ≥ 0\\.35 \\(words: "won’t need" \\d+-\\d+, "Letters" 14-21\\)$`),
    );
  });

  it('uses the stored thresholds: the same score holds under one and not above it', () => {
    const [finding] = modelFindings(model, analyze(text, rules));
    const below = handModel(words, { SELF_HARM: finding.score - 0.01 });
    const above = handModel(words, { SELF_HARM: finding.score + 0.01 });
    expect(modelFindings(below, analyze(text, rules)).map((f) => f.category)).toEqual(['SELF_HARM']);
    expect(modelFindings(above, analyze(text, rules))).toEqual([]);
    expect(screenText(text, undefined, rules, modelOpinion(above)).outcome).toBe('PUBLISH');
  });

  it("scores a category with families by the mean of its own logit and its strongest family's, naming that family", () => {
    const families = ['SELF_HARM/method', 'SELF_HARM/preparation'];
    const pushes = {
      enough: { SELF_HARM: 20, 'SELF_HARM/method': 60 },
      weigh: { 'SELF_HARM/method': 60 },
      letters: { 'SELF_HARM/preparation': 30 },
    };
    const byFamily = handModel(pushes, { SELF_HARM: 0.35 }, 12, families);
    const post = 'Looked up what I would need to weigh to have enough. Letters are done.';
    const [finding] = modelFindings(byFamily, analyze(post, rules));
    expect(finding).toMatchObject({ category: 'SELF_HARM', family: 'method' });
    expect(finding.words[0].text).toBe('enough');
    // Between what the category's own column says and what the family's says.
    const score = (model: typeof byFamily): number =>
      modelFindings({ ...model, thresholds: model.thresholds.map(() => 0.01) }, analyze(post, rules))[0].score;
    const ownOnly = handModel({ enough: { SELF_HARM: 20 } }, {}, 12);
    const familyOnly = handModel({ enough: { SELF_HARM: 60 }, weigh: { SELF_HARM: 60 } }, {}, 12);
    expect(finding.score).toBeGreaterThan(score(ownOnly));
    expect(finding.score).toBeLessThan(score(familyOnly));
    const [reason] = screenText(post, undefined, rules, modelOpinion(byFamily)).reasons;
    expect(reason.detail).toMatch(new RegExp(`^model ${byFamily.version}: SELF_HARM \\(method\\) 0\\.\\d\\d ≥ 0\\.35 \\(words: "enough"`));
  });

  it('stays silent on posts without its words, and on posts too short for it', () => {
    expect(modelFindings(model, analyze('Coffee with my sponsor before the meeting.', rules))).toEqual([]);
    const strict = { ...model, minTokens: 20 };
    expect(modelFindings(strict, analyze(text, rules))).toEqual([]);
  });
});
