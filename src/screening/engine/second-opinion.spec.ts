import { bareRules } from '../../../test/support/screening-model-fakes';
import { analyze, Doc } from './doc';
import { decide } from './decide';
import { screenText } from './index';
import { escalate, SecondOpinion } from './second-opinion';
import type { Reason, Severity } from './types';

/** An opinion that always wants the post held (or whatever severity it is given), and counts its calls. */
function insistent(severity: Severity = 'HOLD'): SecondOpinion & { calls: number } {
  const opinion = {
    calls: 0,
    review(doc: Doc): Reason[] {
      opinion.calls++;
      return [
        { category: 'SELF_HARM', severity, start: 0, end: Math.min(4, doc.text.length), detail: 'model test: SELF_HARM 0.99 ≥ 0.50' },
      ];
    },
  };
  return opinion;
}

describe('the second opinion after the rules', () => {
  const rules = bareRules();

  it('holds a post the rules would publish, with its reason and URGENT priority', () => {
    const text = 'Thinking about everything tonight.';
    expect(screenText(text, undefined, rules).outcome).toBe('PUBLISH');
    const decision = screenText(text, undefined, rules, insistent());
    expect(decision).toMatchObject({ outcome: 'HOLD', categories: ['SELF_HARM'], priority: 'URGENT', crisisResources: true });
    expect(decision.reasons).toEqual([
      expect.objectContaining({ category: 'SELF_HARM', severity: 'HOLD', detail: expect.stringMatching(/^model /) }),
    ]);
  });

  it('cannot change a post the rules hold, and is not even asked', () => {
    const text = 'Text me at 614-555-0192 tonight.';
    const alone = screenText(text, undefined, rules);
    expect(alone.outcome).toBe('HOLD');
    const opinion = insistent();
    expect(screenText(text, undefined, rules, opinion)).toEqual(alone);
    expect(opinion.calls).toBe(0);
  });

  it('cannot lower anything: an opinion that says publish leaves the rules decision as it was', () => {
    const quiet: SecondOpinion = { review: () => [] };
    for (const text of ['Thinking about everything tonight.', 'Text me at 614-555-0192 tonight.']) {
      expect(screenText(text, undefined, rules, quiet)).toEqual(screenText(text, undefined, rules));
    }
  });

  it('only holds: a nudge or a reject from the second opinion is ignored', () => {
    const text = 'Thinking about everything tonight.';
    expect(screenText(text, undefined, rules, insistent('NUDGE'))).toEqual(screenText(text, undefined, rules));
    expect(screenText(text, undefined, rules, insistent('REJECT'))).toEqual(screenText(text, undefined, rules));
  });

  it('holds a post published with suggestions and keeps the suggestions for its author', () => {
    const text = 'I was an addict, thinking about everything tonight.';
    const nudge: Reason = { category: 'STIGMA', severity: 'NUDGE', start: 9, end: 15, detail: 'label' };
    const suggestion = { term: 'addict', suggestion: 'person in recovery', explanation: 'x', start: 9, end: 15 };
    const decision = decide([nudge], [suggestion]);
    expect(decision.outcome).toBe('PUBLISH_WITH_SUGGESTIONS');
    const held = escalate({ doc: analyze(text, rules), reasons: [nudge], suggestions: [suggestion], decision }, insistent());
    expect(held).toMatchObject({ outcome: 'HOLD', categories: ['SELF_HARM'], suggestions: [suggestion] });
  });
});
