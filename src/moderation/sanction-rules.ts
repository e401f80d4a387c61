import { isStaff, Role } from '../common/auth/role';
import { enumOf } from '../common/vocabulary/enum-of';

/**
 * Pure rules of sanctions: who may sanction whom, how long a suspension lasts, and what
 * the member is told. No clock of its own: `now` is passed in.
 */
export const SANCTIONS = ['WARN', 'SUSPEND', 'BAN'] as const;
export type Sanction = (typeof SANCTIONS)[number];
export const Sanction = enumOf(SANCTIONS);

export interface SanctionActor {
  accountId: string;
  role: Role;
}

export interface SanctionTarget {
  id: string;
  role: Role;
  bannedAt: Date | null;
}

export type SanctionProblem = {
  reason: 'SANCTION_SELF' | 'SANCTION_STAFF' | 'ALREADY_BANNED' | 'INVALID_INPUT';
  message: string;
  field?: string;
};

export const REASON_MAX = 1000;

/** Null when the sanction may go ahead. */
export function sanctionProblem(
  actor: SanctionActor,
  target: SanctionTarget,
  sanction: Sanction,
  days: number | null | undefined,
  reason: string,
  suspendDaysMax: number,
): SanctionProblem | null {
  if (actor.accountId === target.id) return { reason: 'SANCTION_SELF', message: 'You cannot sanction yourself.' };
  // Otherwise one moderator could silence the others (and the audit trail's witnesses) at will.
  if (isStaff(target.role) && actor.role !== Role.ADMIN)
    return { reason: 'SANCTION_STAFF', message: 'Only an admin can sanction a moderator or an admin.' };
  if (reason.trim() === '')
    return { reason: 'INVALID_INPUT', message: 'Please give a reason: it is recorded in the audit log.', field: 'reason' };
  if (reason.length > REASON_MAX)
    return { reason: 'INVALID_INPUT', message: `The reason can be at most ${REASON_MAX} characters.`, field: 'reason' };
  if (sanction === Sanction.SUSPEND) {
    if (days === null || days === undefined || !Number.isInteger(days) || days < 1 || days > suspendDaysMax) {
      return { reason: 'INVALID_INPUT', message: `A suspension needs "days": a whole number from 1 to ${suspendDaysMax}.`, field: 'days' };
    }
  } else if (days !== null && days !== undefined) {
    return { reason: 'INVALID_INPUT', message: '"days" applies to SUSPEND only.', field: 'days' };
  }
  if (target.bannedAt !== null) return { reason: 'ALREADY_BANNED', message: 'This member is already banned.' };
  return null;
}

export function suspensionEnd(now: Date, days: number): Date {
  return new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
}

/** A suspension only ever lengthens through a new one: a shorter new suspension keeps the longer running one. */
export function laterOf(current: Date | null, next: Date): Date {
  return current !== null && current.getTime() > next.getTime() ? current : next;
}

export function warningMessage(reason: string): string {
  return `A moderator sent you a warning: ${reason.trim()} Please read the community guidelines; repeated problems can lead to a suspension.`;
}

export function suspensionMessage(until: Date, reason: string): string {
  return `Your account is suspended until ${until.toISOString()}: ${reason.trim()} You can still sign in and read, but not post, reply, react or report until then.`;
}
