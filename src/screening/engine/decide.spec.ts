import { decide } from './decide';
import type { Reason, ScreeningCategory, Severity, Suggestion } from './types';

const r = (category: ScreeningCategory, severity: Severity = 'HOLD', start = 0): Reason => ({
  category,
  severity,
  start,
  end: start + 1,
  detail: 'test',
});
const nudgeSuggestion: Suggestion = { term: 'addict', suggestion: 'person in recovery', explanation: 'x', start: 0, end: 6 };

describe('decide', () => {
  it('publishes when nothing matched', () => {
    expect(decide([], [])).toEqual({
      outcome: 'PUBLISH',
      categories: [],
      priority: null,
      reasons: [],
      suggestions: [],
      crisisResources: false,
    });
  });

  it('publishes with suggestions when only nudges', () => {
    const d = decide([r('STIGMA', 'NUDGE')], [nudgeSuggestion]);
    expect(d.outcome).toBe('PUBLISH_WITH_SUGGESTIONS');
    expect(d.categories).toEqual(['STIGMA']);
    expect(d.priority).toBeNull();
    expect(d.suggestions).toHaveLength(1);
  });

  it('holds with the highest priority and lists categories in POLICY order', () => {
    const d = decide([r('SPAM', 'HOLD', 5), r('STIGMA'), r('SELF_HARM', 'HOLD', 9), r('PERSONAL_INFO')], []);
    expect(d.outcome).toBe('HOLD');
    expect(d.priority).toBe('URGENT');
    expect(d.categories).toEqual(['SELF_HARM', 'PERSONAL_INFO', 'STIGMA', 'SPAM']);
    expect(d.crisisResources).toBe(true);
  });

  it.each([
    ['DRUG_SOURCING', 'HIGH'],
    ['DOSING_INSTRUCTIONS', 'HIGH'],
    ['PERSONAL_INFO', 'HIGH'],
    ['HARASSMENT', 'HIGH'],
    ['STIGMA', 'NORMAL'],
    ['SPAM', 'LOW'],
    ['OVERDOSE_EMERGENCY', 'URGENT'],
  ] as const)('%s alone is %s', (category, priority) => {
    const d = decide([r(category)], []);
    expect(d.priority).toBe(priority);
    expect(d.crisisResources).toBe(category === 'OVERDOSE_EMERGENCY');
  });

  it('keeps suggestions on a held post but lists only the case reasons', () => {
    const d = decide([r('SELF_HARM'), r('STIGMA', 'NUDGE', 3)], [nudgeSuggestion]);
    expect(d.outcome).toBe('HOLD');
    expect(d.categories).toEqual(['SELF_HARM']);
    expect(d.reasons.every((x) => x.severity !== 'NUDGE')).toBe(true);
    expect(d.suggestions).toEqual([nudgeSuggestion]);
  });

  it('rejects certain spam', () => {
    const d = decide([r('SPAM', 'REJECT'), r('SPAM', 'HOLD')], []);
    expect(d.outcome).toBe('REJECT');
    expect(d.priority).toBe('LOW');
    expect(d.categories).toEqual(['SPAM']);
  });

  it('sends certain spam that also holds something else to a human', () => {
    const d = decide([r('SPAM', 'REJECT'), r('SELF_HARM')], []);
    expect(d.outcome).toBe('HOLD');
    expect(d.priority).toBe('URGENT');
  });
});
