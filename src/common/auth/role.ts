import { enumOf } from '../vocabulary/enum-of';

/** What an account may do; stored on the account, read by the auth guard on every request. */
export const ROLES = ['MEMBER', 'PEER_SUPPORTER', 'MODERATOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];
export const Role = enumOf(ROLES);

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The roles that moderate: they see the queue, decide cases and sanction members. */
export const STAFF_ROLES = [Role.MODERATOR, Role.ADMIN] as const;

/** Takes a plain string too: a role read straight from the database. */
export function isStaff(role: string): boolean {
  return (STAFF_ROLES as readonly string[]).includes(role);
}
