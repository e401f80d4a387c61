import type { Reason, ScreeningDecision } from '../screening/engine/types';
import { screeningVerdict } from '../screening/screening-verdict';
import { planDecision } from './decision-plan';

const SCREENED_AT = new Date('2026-11-30T09:00:00.000Z');

function decision(
  outcome: ScreeningDecision['outcome'],
  reasons: Reason[] = [],
  priority: ScreeningDecision['priority'] = null,
): ScreeningDecision {
  return {
    outcome,
    categories: [...new Set(reasons.map((reason) => reason.category))],
    priority,
    reasons,
    suggestions: [],
    crisisResources: reasons.some((reason) => reason.category === 'SELF_HARM' && reason.severity === 'HOLD'),
  };
}

function plan(body: string, bodyDecision: ScreeningDecision, title: string | null = null, titleDecision: ScreeningDecision | null = null) {
  return planDecision(screeningVerdict({ body, title, revision: 3, bodyDecision, titleDecision, screenedAt: SCREENED_AT }));
}

describe('planDecision (a screening verdict applied to a post)', () => {
  it('publishes a clean post: no case, no audit note, nothing to tell a moderator', () => {
    const result = plan('Ninety days today.', decision('PUBLISH'));
    expect(result).toMatchObject({ status: 'PUBLISHED', audit: 'SCREENED_PUBLISH', caseReasons: [], priority: null, auditNote: null });
    expect(result.record).toEqual({
      revision: 3,
      outcome: 'PUBLISH',
      categories: [],
      reasons: [],
      suggestions: [],
      crisisResources: false,
      screenedAt: SCREENED_AT.toISOString(),
    });
  });

  it('holds a crisis post with the excerpt and span a moderator needs, at the most urgent priority, and tells the author about crisis lines', () => {
    const body = 'I want to end it tonight.';
    const reason: Reason = { category: 'SELF_HARM', severity: 'HOLD', start: 2, end: 16, detail: 'present intent' };
    const result = plan(body, decision('HOLD', [reason], 'URGENT'));

    expect(result.status).toBe('HELD');
    expect(result.priority).toBe('URGENT');
    expect(result.caseReasons).toEqual([
      {
        category: 'SELF_HARM',
        severity: 'HOLD',
        source: 'SCREENING',
        detail: 'present intent',
        excerpt: 'want to end it',
        start: 2,
        end: 16,
        revision: 3,
      },
    ]);
    expect(result.record.crisisResources).toBe(true);
    expect(result.record.reasons.join(' ')).toMatch(/crisis lines/);
  });

  it('holds for the title too: the title finding says so and carries no body offsets, and the more urgent priority wins', () => {
    const title = 'selling extras';
    const titleReason: Reason = { category: 'DRUG_SOURCING', severity: 'HOLD', start: 0, end: 7, detail: 'offer' };
    const bodyReason: Reason = { category: 'STIGMA', severity: 'HOLD', start: 0, end: 4, detail: 'slur' };
    const result = plan('junk talk', decision('HOLD', [bodyReason], 'NORMAL'), title, decision('HOLD', [titleReason], 'HIGH'));

    expect(result.priority).toBe('HIGH');
    expect(result.caseReasons.map((reason) => [reason.category, reason.detail, reason.excerpt, reason.start])).toEqual([
      ['STIGMA', 'slur', 'junk', 0],
      ['DRUG_SOURCING', 'In the title: offer', 'selling', null],
    ]);
  });

  it('keeps nudges out of the case and publishes with suggestions', () => {
    const nudge: Reason = { category: 'STIGMA', severity: 'NUDGE', start: 0, end: 6, detail: 'label' };
    const result = plan('addict here', decision('PUBLISH_WITH_SUGGESTIONS', [nudge]));
    expect(result).toMatchObject({ status: 'PUBLISHED', audit: 'SCREENED_PUBLISH_WITH_SUGGESTIONS', caseReasons: [], priority: null });
  });

  it('rejects certain spam without a case: the findings go to the audit note instead, without the words they quote', () => {
    const spam: Reason = { category: 'SPAM', severity: 'REJECT', start: 0, end: 9, detail: 'repeated link: "buy now"' };
    const result = plan('buy now!!', decision('REJECT', [spam], 'LOW'));
    expect(result).toMatchObject({ status: 'REJECTED', caseReasons: [], priority: null, auditNote: 'SPAM: repeated link' });
  });

  it('gives a held post without an engine priority the NORMAL queue place', () => {
    const reason: Reason = { category: 'PERSONAL_INFO', severity: 'HOLD', start: 0, end: 3, detail: 'name' };
    expect(plan('Ann Smith', decision('HOLD', [reason], null)).priority).toBe('NORMAL');
  });
});
