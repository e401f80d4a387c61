import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { CommonError } from '../errors/common.errors';
import type { GqlContext } from '../graphql/gql-context';
import { Role, STAFF_ROLES } from './role';
import type { Viewer } from './viewer';

const ROLES_KEY = 'kindred:roles';
const WRITES_KEY = 'kindred:writes';

/** Refuses with UNAUTHENTICATED without a valid session, FORBIDDEN without a listed role. */
@Injectable()
export class SignedInGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const viewer = GqlExecutionContext.create(context).getContext<GqlContext>().viewer;
    if (!viewer) throw new CommonError('NOT_SIGNED_IN', 'Please sign in first.');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (roles && roles.length > 0 && !roles.includes(viewer.role)) {
      throw new CommonError('FORBIDDEN', roles.includes(Role.MODERATOR) ? 'Only moderators can do that.' : 'Only admins can do that.');
    }
    if (this.reflector.getAllAndOverride<boolean | undefined>(WRITES_KEY, [context.getHandler(), context.getClass()])) {
      assertNotSuspended(viewer);
    }
    return true;
  }
}

/** Throws SUSPENDED while a suspension runs; reading and signing in still work. */
export function assertNotSuspended(viewer: Viewer, now = new Date()): void {
  if (viewer.suspendedUntil && viewer.suspendedUntil > now) {
    throw new CommonError(
      'SUSPENDED',
      `Your account is suspended until ${viewer.suspendedUntil.toISOString()}. You can still read, but not post, reply, react or report.`,
      {
        suspendedUntil: viewer.suspendedUntil.toISOString(),
      },
    );
  }
}

/** A signed-in member, optionally of one of `roles`. */
export function SignedIn(...roles: Role[]) {
  return applyDecorators(SetMetadata(ROLES_KEY, roles), UseGuards(SignedInGuard));
}

/** A signed-in member who is not suspended: posting, replying, reacting, reporting. */
export function ActiveMember() {
  return applyDecorators(SetMetadata(WRITES_KEY, true), UseGuards(SignedInGuard));
}

/** Moderators and admins only. */
export function ModeratorOnly() {
  return SignedIn(...STAFF_ROLES);
}
