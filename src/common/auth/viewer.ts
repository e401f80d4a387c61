import { isStaff, Role } from './role';

/** Who is asking: resolved once per request from the bearer token, null when signed out. */
export interface Viewer {
  accountId: string;
  sessionId: string;
  role: Role;
  suspendedUntil: Date | null;
}

export function isModerator(viewer: Viewer | null): boolean {
  return viewer !== null && isStaff(viewer.role);
}
