import { screeningDecision as decision } from '../../../test/support/screening-fakes';
import type { ScreeningDecision } from '../engine/types';
import type { VoicedPost } from './corpus';
import { formatHeldOutReport, heldOutReport } from './held-out';

const post = (over: Partial<VoicedPost>): VoicedPost => ({ id: 'p', voice: 'v1', text: 't', outcome: 'PUBLISH', categories: [], ...over });
const held = (category: ScreeningDecision['categories'][number], priority: ScreeningDecision['priority'] = 'URGENT'): ScreeningDecision =>
  decision({ outcome: 'HOLD', categories: [category], priority });

describe('heldOutReport', () => {
  const posts = [
    post({ outcome: 'HOLD', categories: ['SELF_HARM'], cues: ['SELF_HARM/preparation', 'SELF_HARM/farewell'] }),
    post({ outcome: 'HOLD', categories: ['SELF_HARM'], cues: ['SELF_HARM/preparation'], voice: 'v2' }),
    post({ outcome: 'PUBLISH' }),
    post({ outcome: 'PUBLISH_WITH_SUGGESTIONS', categories: ['STIGMA'] }),
  ];
  const rules = [held('SELF_HARM'), decision({}), decision({}), decision({})];
  const withModel = [
    held('SELF_HARM'),
    held('SELF_HARM'),
    held('HARASSMENT', 'HIGH'),
    decision({
      outcome: 'PUBLISH_WITH_SUGGESTIONS',
      suggestions: [{ term: 'addict', suggestion: 's', explanation: 'e', start: 0, end: 6 }],
    }),
  ];
  const report = heldOutReport(posts, rules, withModel);

  it('puts the rules alone beside the rules with the model', () => {
    expect([report.rules.holdRecall, report.withModel.holdRecall]).toEqual([0.5, 1]);
    expect([report.rules.falseHoldRate, report.withModel.falseHoldRate]).toEqual([0, 0.5]);
    expect(report.voices).toBe(2);
  });

  it('reports recall per cue family a writer labeled', () => {
    expect(report.families).toEqual([
      { cue: 'SELF_HARM/farewell', posts: 1, rules: 1, withModel: 1 },
      { cue: 'SELF_HARM/preparation', posts: 2, rules: 0.5, withModel: 1 },
    ]);
  });

  it('counts a suggestion given only on a post published with one', () => {
    expect(report.suggested).toEqual({ labeled: 1, given: 1, rate: 1 });
    expect(formatHeldOutReport(report, 'x')).toContain('SELF_HARM/preparation (2)');
  });
});
