import { screeningDecision as decision } from '../../../test/support/screening-fakes';
import type { ScreeningDecision } from '../engine/types';
import { evaluate, formatEvaluation, LabeledPost, parseLabeled } from './evaluate';

const posts: LabeledPost[] = [
  { id: 'a', text: 'fine', outcome: 'PUBLISH', categories: [] },
  { id: 'b', text: 'benign but held', outcome: 'PUBLISH', categories: [] },
  { id: 'c', text: 'urgent caught', outcome: 'HOLD', categories: ['SELF_HARM'], priority: 'URGENT' },
  { id: 'd', text: 'urgent missed', outcome: 'HOLD', categories: ['OVERDOSE_EMERGENCY'], priority: 'URGENT' },
  { id: 'e', text: 'nudge', outcome: 'PUBLISH_WITH_SUGGESTIONS', categories: ['STIGMA'], terms: ['addict'] },
];
const decisions: ScreeningDecision[] = [
  decision({}),
  decision({ outcome: 'HOLD', categories: ['SPAM'], priority: 'LOW' }),
  decision({ outcome: 'HOLD', categories: ['SELF_HARM'], priority: 'URGENT' }),
  decision({}),
  decision({
    outcome: 'PUBLISH_WITH_SUGGESTIONS',
    categories: ['STIGMA'],
    suggestions: [{ term: 'Addict', suggestion: 's', explanation: 'e', start: 0, end: 6 }],
  }),
];

describe('evaluate', () => {
  const e = evaluate(posts, decisions);

  it('computes outcome accuracy, false holds, hold and urgent recall', () => {
    expect(e.total).toBe(5);
    expect(e.outcomeAccuracy).toBeCloseTo(3 / 5);
    expect([e.benign, e.falseHolds, e.falseHoldRate]).toEqual([3, 1, 1 / 3]);
    expect([e.labeledHolds, e.caughtHolds, e.holdRecall]).toEqual([2, 1, 0.5]);
    expect([e.urgent, e.urgentCaught, e.urgentRecall]).toEqual([2, 1, 0.5]);
  });

  it('computes per-category precision and recall (null when undefined)', () => {
    const by = Object.fromEntries(e.categories.map((c) => [c.category, c]));
    expect(by.SELF_HARM).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 0, precision: 1, recall: 1 });
    expect(by.OVERDOSE_EMERGENCY).toMatchObject({ precision: null, recall: 0 });
    expect(by.SPAM).toMatchObject({ precision: 0, recall: null });
    expect(by.STIGMA).toMatchObject({ precision: 1, recall: 1 });
  });

  it('lists mismatches, including missing suggestion terms', () => {
    expect(e.mismatches.map((m) => m.id)).toEqual(['b', 'd', 'e']);
    expect(e.mismatches[2].missingTerms).toEqual(['addict']);
  });

  it('formats a readable report', () => {
    const text = formatEvaluation(e, 'unit');
    expect(text).toContain('false-hold rate     33.3%');
    expect(text).toContain('urgent recall       50.0%');
    expect(text).toMatch(/SELF_HARM\s+100\.0%\s+100\.0%/);
    expect(text).toContain('d: expected HOLD[OVERDOSE_EMERGENCY]URGENT, got PUBLISH[]');
  });

  it('parses labeled JSONL and reports bad lines by number', () => {
    expect(parseLabeled('{"id":"x","text":"t","outcome":"PUBLISH","categories":[]}\n\n')).toHaveLength(1);
    expect(() => parseLabeled('\n{"text": 1}')).toThrow('line 2');
  });
});
