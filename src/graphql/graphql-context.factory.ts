import { Injectable } from '@nestjs/common';
import { AccountLoadersFactory } from '../accounts/account.loaders';
import { ClientKeyService } from '../accounts/client-key.service';
import { SESSION_COOKIE } from '../accounts/session-cookies';
import { SessionCsrfService } from '../accounts/session-csrf.service';
import { SessionsService } from '../accounts/sessions.service';
import type { Viewer } from '../common/auth/viewer';
import { parseCookieHeader } from '../common/cookies/cookie-header';
import type { GqlContext, GqlHttpResponse } from '../common/graphql/gql-context';
import { ForumLoadersFactory } from '../forum/forum.loaders';
import { ConnectionLoadersFactory } from '../forum/connections/connection.loaders';

/** Bearer token from an HTTP header or from graphql-ws connection params. */
export function bearerToken(authorization: unknown): string | null {
  if (typeof authorization !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  return match ? match[1] : null;
}

/** What a transport knows about one operation's sender; add fields here, not parameters. */
export interface ContextRequest {
  /** The Authorization header (HTTP) or connection param (graphql-ws), unchecked. */
  authorization: unknown;
  /** The sender's address (TRUST_PROXY decides whether X-Forwarded-For counts); only its keyed hash is kept. */
  clientAddress?: string | null;
  /** The Cookie header (HTTP request or socket upgrade), unchecked. */
  cookieHeader?: unknown;
  /** The X-CSRF-Token header (HTTP) or csrfToken connection param (graphql-ws), unchecked. */
  csrfToken?: unknown;
  /** The HTTP response, when the operation came over HTTP. */
  http?: GqlHttpResponse;
}

/**
 * Builds the context of one operation: who is asking (one session lookup, so a sign-out,
 * ban, suspension or role change shows on the next operation, sockets included) and a
 * fresh set of DataLoaders, so batching never leaks data between operations or viewers.
 */
@Injectable()
export class GraphqlContextFactory {
  constructor(
    private readonly sessions: SessionsService,
    private readonly accountLoaders: AccountLoadersFactory,
    private readonly forumLoaders: ForumLoadersFactory,
    private readonly clientKeys: ClientKeyService,
    private readonly csrf: SessionCsrfService,
    private readonly connectionLoaders: ConnectionLoadersFactory,
  ) {}

  /** A bearer token wins; without one, the session cookie counts only beside its CSRF value. */
  async create(request: ContextRequest): Promise<GqlContext> {
    const token = bearerToken(request.authorization) ?? (await this.cookieToken(request));
    const viewer = token ? await this.sessions.viewerForToken(token) : null;
    return this.forViewer(viewer, this.clientKeys.keyFor(request.clientAddress), request.http);
  }

  /**
   * The session cookie's token when the request also carries its CSRF value (signed double
   * submit): a browser sends the cookie with requests another site forges, but that site
   * cannot read the CSRF cookie to copy it into a header. Without the value the request is
   * simply signed out, so a stale cookie never breaks a page.
   */
  private async cookieToken(request: ContextRequest): Promise<string | null> {
    const token = parseCookieHeader(request.cookieHeader).get(SESSION_COOKIE);
    if (!token) return null;
    return (await this.csrf.matches(token, request.csrfToken)) ? token : null;
  }

  /**
   * A new context object with new loaders for a viewer already resolved: each event of a
   * subscription is resolved with it, so nothing cached for an earlier event (a post's
   * status, a case's reasons) is served for a later one. A new object rather than a copy,
   * because domains keep their own loaders on the context object itself.
   */
  forViewer(viewer: Viewer | null, clientKey: string | null = null, http?: GqlHttpResponse): GqlContext {
    return {
      viewer,
      clientKey,
      ...(http ? { http } : {}),
      loaders: {
        accounts: this.accountLoaders.create(viewer),
        forum: this.forumLoaders.create(viewer),
        connections: this.connectionLoaders.create(viewer),
      },
    };
  }
}
