import { CaseStatus } from './case-vocabulary';

/**
 * Pure rules of claims: who may claim, release and decide a case, given its state and the
 * time. No clock of its own (the services pass the database's `now()`), no database: the
 * services read the case row under a row lock, ask these functions, then write.
 */
export interface ClaimState {
  status: CaseStatus;
  claimedById: string | null;
  claimExpiresAt: Date | null;
}

/** A claim that is held and has not run out. */
export function claimIsLive(state: ClaimState, now: Date): boolean {
  return (
    state.status === CaseStatus.CLAIMED &&
    state.claimedById !== null &&
    state.claimExpiresAt !== null &&
    state.claimExpiresAt.getTime() > now.getTime()
  );
}

/** What the queue shows: a claimed case whose claim ran out is OPEN again (anyone may take it). */
export function effectiveStatus(state: ClaimState, now: Date): CaseStatus {
  if (state.status === CaseStatus.CLAIMED && !claimIsLive(state, now)) return CaseStatus.OPEN;
  return state.status;
}

export type ClaimProblem = 'RESOLVED' | 'CLAIMED_BY_OTHER';

export type ClaimKind = 'CLAIM' | 'RENEW' | 'TAKEOVER';

/**
 * Whether `moderatorId` may claim the case now, and what kind of claim it is: a fresh
 * CLAIM of an open case, a RENEW of one's own claim, or a TAKEOVER of someone's expired claim.
 */
export function claimVerdict(
  state: ClaimState,
  moderatorId: string,
  now: Date,
): { ok: true; kind: ClaimKind } | { ok: false; problem: ClaimProblem } {
  if (state.status === CaseStatus.RESOLVED) return { ok: false, problem: 'RESOLVED' };
  if (state.status === CaseStatus.OPEN || state.claimedById === null) return { ok: true, kind: 'CLAIM' };
  if (state.claimedById === moderatorId) return { ok: true, kind: 'RENEW' };
  if (claimIsLive(state, now)) return { ok: false, problem: 'CLAIMED_BY_OTHER' };
  return { ok: true, kind: 'TAKEOVER' };
}

export type ReleaseProblem = 'RESOLVED' | 'NOT_CLAIMED' | 'NOT_CLAIMANT';

/** Only the claimant gives a claim back (an expired claim of theirs too, until someone takes it over). */
export function releaseProblem(state: ClaimState, moderatorId: string): ReleaseProblem | null {
  if (state.status === CaseStatus.RESOLVED) return 'RESOLVED';
  if (state.status !== CaseStatus.CLAIMED || state.claimedById === null) return 'NOT_CLAIMED';
  if (state.claimedById !== moderatorId) return 'NOT_CLAIMANT';
  return null;
}

export type DecideProblem = 'RESOLVED' | 'NOT_CLAIMED' | 'NOT_CLAIMANT';

/**
 * Only the claimant decides. A claimant whose claim ran out may still decide as long as
 * nobody took the case over: expiry exists so that a case is never stuck, and a takeover
 * (which changes the claimant) is what ends the first moderator's right to decide. Decisions
 * are made under the case's row lock, so two moderators can never both decide.
 */
export function decideProblem(state: ClaimState, moderatorId: string): DecideProblem | null {
  if (state.status === CaseStatus.RESOLVED) return 'RESOLVED';
  if (state.status !== CaseStatus.CLAIMED || state.claimedById === null) return 'NOT_CLAIMED';
  if (state.claimedById !== moderatorId) return 'NOT_CLAIMANT';
  return null;
}

export function claimExpiry(now: Date, claimMinutes: number): Date {
  return new Date(now.getTime() + claimMinutes * 60_000);
}
