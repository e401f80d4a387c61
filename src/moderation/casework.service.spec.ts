import { loadConfig } from '../config/config';
import { CaseworkService } from './casework.service';
import { CaseStatus, Decision } from './case-vocabulary';
import { FixedClock, InMemoryCases, OfflineTransactions, RecordedAudit, recordedEvents, viewer } from '../../test/support/moderation-fakes';
import { Metrics } from '../metrics/metrics';

function setUp() {
  const clock = new FixedClock();
  const cases = new InMemoryCases(clock);
  const audit = new RecordedAudit();
  const { events, published } = recordedEvents();
  const transactions = new OfflineTransactions();
  const metrics = new Metrics();
  const service = new CaseworkService(transactions, cases, clock, audit, events, loadConfig({ CLAIM_MINUTES: '10' }), metrics);
  return { clock, cases, audit, published, transactions, service, metrics };
}

describe('CaseworkService', () => {
  describe('claim', () => {
    it('gives an open case to the moderator for CLAIM_MINUTES, records it, and tells live dashboards', async () => {
      const { clock, cases, audit, published, service } = setUp();
      const open = cases.seed();
      const moderator = viewer();

      const claimed = await service.claim(moderator, open.id);

      const expires = new Date(clock.current.getTime() + 10 * 60_000);
      expect(claimed).toMatchObject({ status: CaseStatus.CLAIMED, claimedById: moderator.accountId, claimExpiresAt: expires });
      expect(cases.stored(open.id)).toMatchObject({
        status: CaseStatus.CLAIMED,
        claimedById: moderator.accountId,
        claimExpiresAt: expires,
      });
      expect(audit.entries).toEqual([expect.objectContaining({ action: 'CLAIM', caseId: open.id, moderatorId: moderator.accountId })]);
      expect(published).toEqual([open.id]);
    });

    it("refuses a second moderator's claim on a claimed case with CASE_CLAIMED, saying until when it runs", async () => {
      const { cases, audit, published, service } = setUp();
      const open = cases.seed();
      const first = viewer();
      await service.claim(first, open.id);
      const heldUntil = cases.stored(open.id).claimExpiresAt;

      await expect(service.claim(viewer(), open.id)).rejects.toMatchObject({
        reason: 'CASE_CLAIMED',
        details: { claimExpiresAt: heldUntil?.toISOString() },
      });
      expect(cases.stored(open.id).claimedById).toBe(first.accountId);
      expect(audit.actions()).toEqual(['CLAIM']);
      expect(published).toHaveLength(1);
    });

    it('lets another moderator take over a claim that ran out, naming whose claim it was', async () => {
      const { clock, cases, audit, service } = setUp();
      const open = cases.seed();
      const first = viewer();
      const second = viewer();
      await service.claim(first, open.id);
      clock.advanceMinutes(11);

      await expect(service.claim(second, open.id)).resolves.toMatchObject({ claimedById: second.accountId });
      expect(audit.entries[1]).toMatchObject({ action: 'TAKEOVER', moderatorId: second.accountId, subjectId: first.accountId });
    });

    it('renews the claimant’s own claim from the database’s now', async () => {
      const { clock, cases, audit, service } = setUp();
      const open = cases.seed();
      const moderator = viewer();
      await service.claim(moderator, open.id);
      clock.advanceMinutes(5);

      const renewed = await service.claim(moderator, open.id);

      expect(renewed.claimExpiresAt).toEqual(new Date(clock.current.getTime() + 10 * 60_000));
      expect(audit.entries[1]).toMatchObject({ action: 'CLAIM', note: 'claim renewed' });
    });

    it('refuses to claim a decided case with CASE_RESOLVED', async () => {
      const { cases, service } = setUp();
      const decided = cases.seed({ status: CaseStatus.RESOLVED, decision: Decision.APPROVE });
      await expect(service.claim(viewer(), decided.id)).rejects.toMatchObject({ reason: 'CASE_RESOLVED' });
    });

    it('answers CASE_NOT_FOUND for an unknown case and for an id that is not a uuid', async () => {
      const { service } = setUp();
      await expect(service.claim(viewer(), '6f1c1a4e-4b7e-4a53-9f0e-1d2c3b4a5e6f')).rejects.toMatchObject({ reason: 'CASE_NOT_FOUND' });
      await expect(service.claim(viewer(), 'not-a-case')).rejects.toMatchObject({ reason: 'CASE_NOT_FOUND' });
    });
  });

  describe('time to first claim', () => {
    it('is measured once per case, from its opening by the database clock; a claim after a release does not count again', async () => {
      const { clock, cases, service, metrics } = setUp();
      const open = cases.seed({ priority: 'URGENT', createdAt: new Date(clock.current.getTime() - 90_000) });
      const moderator = viewer();
      await service.claim(moderator, open.id);
      await service.claim(moderator, open.id);
      await service.release(moderator, open.id);
      await service.claim(viewer(), open.id);

      const text = (await metrics.scrape()).body;
      expect(text).toContain('kindred_moderation_time_to_first_claim_seconds_count{priority="URGENT"} 1');
      expect(text).toContain('kindred_moderation_time_to_first_claim_seconds_sum{priority="URGENT"} 90');
    });
  });

  describe('release', () => {
    it('gives the case back to the queue as OPEN when the claimant releases it', async () => {
      const { cases, audit, service } = setUp();
      const open = cases.seed();
      const moderator = viewer();
      await service.claim(moderator, open.id);

      await expect(service.release(moderator, open.id)).resolves.toMatchObject({
        status: CaseStatus.OPEN,
        claimedById: null,
        claimExpiresAt: null,
      });
      expect(cases.stored(open.id)).toMatchObject({ status: CaseStatus.OPEN, claimedById: null });
      expect(audit.actions()).toEqual(['CLAIM', 'RELEASE']);
    });

    it("refuses to release another moderator's claim with NOT_CLAIMANT, and an unclaimed case with CASE_NOT_CLAIMED", async () => {
      const { cases, service } = setUp();
      const claimed = cases.seed();
      const holder = viewer();
      await service.claim(holder, claimed.id);
      const unclaimed = cases.seed();

      await expect(service.release(viewer(), claimed.id)).rejects.toMatchObject({ reason: 'NOT_CLAIMANT' });
      await expect(service.release(holder, unclaimed.id)).rejects.toMatchObject({ reason: 'CASE_NOT_CLAIMED' });
      expect(cases.stored(claimed.id).claimedById).toBe(holder.accountId);
    });
  });

  describe('deciding (lockForDecision, then markResolved in the same transaction)', () => {
    it('asks the moderator to claim the case before deciding it (CASE_NOT_CLAIMED)', async () => {
      const { cases, transactions, service } = setUp();
      const open = cases.seed();
      await expect(service.lockForDecision(transactions.manager, viewer(), open.id)).rejects.toMatchObject({ reason: 'CASE_NOT_CLAIMED' });
    });

    it('lets only the claimant decide (NOT_CLAIMANT), and never decides a case twice (CASE_RESOLVED)', async () => {
      const { cases, transactions, service } = setUp();
      const open = cases.seed();
      await service.claim(viewer(), open.id);
      const decided = cases.seed({ status: CaseStatus.RESOLVED, decision: Decision.REJECT });

      await expect(service.lockForDecision(transactions.manager, viewer(), open.id)).rejects.toMatchObject({ reason: 'NOT_CLAIMANT' });
      await expect(service.lockForDecision(transactions.manager, viewer(), decided.id)).rejects.toMatchObject({ reason: 'CASE_RESOLVED' });
    });

    it('lets a claimant whose claim ran out still decide while nobody took the case over, at the database’s now', async () => {
      const { clock, cases, transactions, service } = setUp();
      const open = cases.seed();
      const moderator = viewer();
      await service.claim(moderator, open.id);
      clock.advanceMinutes(30);

      const { entity, now } = await service.lockForDecision(transactions.manager, moderator, open.id);
      const resolved = await service.markResolved(transactions.manager, entity, Decision.APPROVE, now);

      expect(resolved).toMatchObject({
        status: CaseStatus.RESOLVED,
        decision: Decision.APPROVE,
        resolvedAt: clock.current,
        claimExpiresAt: null,
      });
      expect(cases.stored(open.id)).toMatchObject({ status: CaseStatus.RESOLVED, decision: Decision.APPROVE, resolvedAt: clock.current });
    });
  });
});
