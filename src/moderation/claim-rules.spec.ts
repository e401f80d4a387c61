import { claimExpiry, claimIsLive, claimVerdict, decideProblem, effectiveStatus, releaseProblem } from './claim-rules';
import { CaseStatus } from './case-vocabulary';

const now = new Date('2026-11-23T12:00:00Z');
const later = new Date('2026-11-23T12:05:00Z');
const earlier = new Date('2026-11-23T11:55:00Z');
const A = 'moderator-a';
const B = 'moderator-b';

const open = { status: CaseStatus.OPEN, claimedById: null, claimExpiresAt: null };
const claimedByA = { status: CaseStatus.CLAIMED, claimedById: A, claimExpiresAt: later };
const expiredA = { status: CaseStatus.CLAIMED, claimedById: A, claimExpiresAt: earlier };
const resolved = { status: CaseStatus.RESOLVED, claimedById: A, claimExpiresAt: later };

describe('claims', () => {
  it('lets anyone claim an open case', () => {
    expect(claimVerdict(open, B, now)).toEqual({ ok: true, kind: 'CLAIM' });
  });

  it('refuses a live claim held by someone else', () => {
    expect(claimVerdict(claimedByA, B, now)).toEqual({ ok: false, problem: 'CLAIMED_BY_OTHER' });
  });

  it('renews the claimant’s own claim', () => {
    expect(claimVerdict(claimedByA, A, now)).toEqual({ ok: true, kind: 'RENEW' });
    expect(claimVerdict(expiredA, A, now)).toEqual({ ok: true, kind: 'RENEW' });
  });

  it('lets another moderator take over an expired claim, exactly at expiry too', () => {
    expect(claimVerdict(expiredA, B, now)).toEqual({ ok: true, kind: 'TAKEOVER' });
    expect(claimVerdict({ ...claimedByA, claimExpiresAt: now }, B, now)).toEqual({ ok: true, kind: 'TAKEOVER' });
  });

  it('refuses any claim of a resolved case', () => {
    expect(claimVerdict(resolved, A, now)).toEqual({ ok: false, problem: 'RESOLVED' });
  });

  it('shows an expired claim as open', () => {
    expect(claimIsLive(claimedByA, now)).toBe(true);
    expect(claimIsLive(expiredA, now)).toBe(false);
    expect(effectiveStatus(expiredA, now)).toBe(CaseStatus.OPEN);
    expect(effectiveStatus(claimedByA, now)).toBe(CaseStatus.CLAIMED);
    expect(effectiveStatus(resolved, now)).toBe(CaseStatus.RESOLVED);
  });

  it('computes the expiry from the configured minutes', () => {
    expect(claimExpiry(now, 10)).toEqual(new Date('2026-11-23T12:10:00Z'));
  });
});

describe('release', () => {
  it('is for the claimant only', () => {
    expect(releaseProblem(claimedByA, A)).toBeNull();
    expect(releaseProblem(expiredA, A)).toBeNull();
    expect(releaseProblem(claimedByA, B)).toBe('NOT_CLAIMANT');
    expect(releaseProblem(open, A)).toBe('NOT_CLAIMED');
    expect(releaseProblem(resolved, A)).toBe('RESOLVED');
  });
});

describe('deciding', () => {
  it('is for the claimant only, and never twice', () => {
    expect(decideProblem(claimedByA, A)).toBeNull();
    expect(decideProblem(claimedByA, B)).toBe('NOT_CLAIMANT');
    expect(decideProblem(open, A)).toBe('NOT_CLAIMED');
    expect(decideProblem(resolved, A)).toBe('RESOLVED');
  });

  it('still lets the claimant decide after expiry until someone takes over', () => {
    expect(decideProblem(expiredA, A)).toBeNull();
    expect(decideProblem({ ...expiredA, claimedById: B }, A)).toBe('NOT_CLAIMANT');
  });
});
