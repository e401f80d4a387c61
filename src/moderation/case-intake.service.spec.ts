import { CaseIntakeService, NewCaseReason } from './case-intake.service';
import { ReasonSource } from './case-vocabulary';
import { CasePriority, CaseStatus, Decision } from './case-vocabulary';
import { FixedClock, InMemoryCases, OfflineTransactions, RecordedAudit } from '../../test/support/moderation-fakes';

function screening(revision: number, category = 'DRUG_SOURCING'): NewCaseReason {
  return {
    category,
    severity: 'HOLD',
    source: ReasonSource.SCREENING,
    detail: `screened revision ${revision}`,
    excerpt: 'sell',
    start: 0,
    end: 4,
    revision,
  };
}

function report(revision: number): NewCaseReason {
  return {
    category: 'SPAM',
    severity: 'HOLD',
    source: ReasonSource.REPORT,
    detail: 'Reported by a member: spam',
    excerpt: null,
    start: null,
    end: null,
    revision,
  };
}

function setUp() {
  const clock = new FixedClock();
  const cases = new InMemoryCases(clock);
  const audit = new RecordedAudit();
  const { manager } = new OfflineTransactions();
  return { cases, audit, manager, intake: new CaseIntakeService(cases, audit) };
}

describe('CaseIntakeService', () => {
  it('opens one case per post and lets later reasons join it, at the highest priority among them', async () => {
    const { cases, manager, intake } = setUp();
    const first = await intake.openOrJoin(manager, 'post-1', CasePriority.LOW, [report(1)]);
    const second = await intake.openOrJoin(manager, 'post-1', CasePriority.URGENT, [screening(1, 'SELF_HARM')]);
    const third = await intake.openOrJoin(manager, 'post-1', CasePriority.NORMAL, [report(1)]);

    expect(first.created).toBe(true);
    expect([second.created, third.created]).toEqual([false, false]);
    expect(cases.cases.size).toBe(1);
    expect(cases.stored(first.caseEntity.id)).toMatchObject({ priority: CasePriority.URGENT, priorityRank: 0 });
    expect(cases.reasonsOf(first.caseEntity.id)).toHaveLength(3);
  });

  it('brings back the case that asked for changes, with its history, when the edit is held again', async () => {
    const { cases, manager, intake } = setUp();
    const asked = cases.seed({
      postId: 'post-1',
      status: CaseStatus.RESOLVED,
      decision: Decision.REQUEST_CHANGES,
      resolvedAt: new Date('2026-11-29T00:00:00Z'),
      claimedById: 'mod-1',
    });

    const { caseEntity, created } = await intake.openOrJoin(manager, 'post-1', CasePriority.HIGH, [screening(2)]);

    expect(created).toBe(false);
    expect(caseEntity.id).toBe(asked.id);
    expect(cases.stored(asked.id)).toMatchObject({
      status: CaseStatus.OPEN,
      decision: null,
      resolvedAt: null,
      claimedById: null,
      priority: CasePriority.HIGH,
    });
  });

  it('replaces findings about earlier revisions when an edited post is screened again, keeping members’ reports', async () => {
    const { cases, manager, intake } = setUp();
    const { caseEntity } = await intake.openOrJoin(manager, 'post-1', CasePriority.HIGH, [screening(1), report(1)]);

    await intake.openOrJoin(manager, 'post-1', CasePriority.HIGH, [screening(2)]);

    expect(cases.reasonsOf(caseEntity.id).map((reason) => [reason.source, reason.revision])).toEqual([
      [ReasonSource.REPORT, 1],
      [ReasonSource.SCREENING, 2],
    ]);
  });

  it('closes the case without a decision when an edit passes screening and nothing else is left to decide', async () => {
    const { cases, audit, manager, intake } = setUp();
    const { caseEntity } = await intake.openOrJoin(manager, 'post-1', CasePriority.HIGH, [screening(1)]);

    await expect(intake.settleAfterCleanScreening(manager, 'post-1', 2)).resolves.toBe(caseEntity.id);

    expect(cases.stored(caseEntity.id)).toMatchObject({ status: CaseStatus.RESOLVED, decision: null });
    expect(audit.entries).toEqual([
      expect.objectContaining({ action: 'CASE_CLOSED', caseId: caseEntity.id, note: expect.stringContaining('passed screening') }),
    ]);
  });

  it('keeps the case open for a member’s report after a clean screening, and says it changed', async () => {
    const { cases, manager, intake } = setUp();
    const { caseEntity } = await intake.openOrJoin(manager, 'post-1', CasePriority.HIGH, [screening(1), report(1)]);

    await expect(intake.settleAfterCleanScreening(manager, 'post-1', 2)).resolves.toBe(caseEntity.id);
    await expect(intake.settleAfterCleanScreening(manager, 'post-1', 2)).resolves.toBeNull();
    expect(cases.stored(caseEntity.id).status).toBe(CaseStatus.OPEN);
  });

  it('closes the open case when the author withdraws the post, and does nothing without one', async () => {
    const { cases, audit, manager, intake } = setUp();
    const { caseEntity } = await intake.openOrJoin(manager, 'post-1', CasePriority.NORMAL, [report(1)]);

    await expect(intake.closeForWithdrawal(manager, 'post-1')).resolves.toBe(caseEntity.id);
    await expect(intake.closeForWithdrawal(manager, 'post-1')).resolves.toBeNull();
    expect(cases.stored(caseEntity.id).status).toBe(CaseStatus.RESOLVED);
    expect(audit.actions()).toEqual(['CASE_CLOSED']);
  });
});
